package dev.tollgate.gateway;

import dev.tollgate.gateway.cli.CheckCommand;
import dev.tollgate.gateway.cli.CliLogging;
import dev.tollgate.gateway.cli.ServeCommand;
import dev.tollgate.gateway.cli.TyposquatCommand;
import dev.tollgate.gateway.cli.UsageException;
import dev.tollgate.gateway.cli.VerifyBundleCommand;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/** The {@code tollgate} command line: {@code serve}, {@code check}, {@code typosquat},
 * {@code verify-bundle}. */
public final class Main {

  static final String USAGE = """
      Usage: tollgate <command> [options]

      Commands:
        serve [--config DIR] [--port N]
            Run the gateway with the configuration in DIR (default: conf). pip points its
            index-url at http://HOST:PORT/pypi/simple/, npm/pnpm/yarn their registry at
            http://HOST:PORT/npm/, podman/skopeo/docker/containerd use HOST:PORT as a registry
            mirror for the registries under oci.upstreams.
        check pypi <name>[==<version>] [--config DIR]
        check npm <name>[@<version>] [--config DIR]
            Print the policy decision for a package (or one version of it) with every reason,
            without fetching anything. Exit status 0 if allowed, 1 if refused.
        typosquat [--protected FILE] [--config DIR]
            Read lines "ecosystem<TAB>name" on stdin; write
            "ecosystem<TAB>name<TAB>flagged(0|1)<TAB>target" for each. FILE holds lines
            "ecosystem<TAB>name[<TAB>rank]" that replace the shipped popular-name lists.
        verify-bundle --bundle FILE (--artifact FILE | --digest sha256:HEX) --trusted-root FILE
                      (--identity ISSUER=SUBJECT | --key PEM)
            Verify a Sigstore bundle offline with the gateway's verifier: keyless against an
            OIDC issuer and subject, or against a public key. Exit status 0 if verified, 1 if not.
        help
            Show this text.

      Environment overrides (see the README): TOLLGATE_PORT, TOLLGATE_HOST, TOLLGATE_DATA_DIR,
      TOLLGATE_PYPI_UPSTREAM, TOLLGATE_NPM_UPSTREAM, TOLLGATE_OCI_UPSTREAM, TOLLGATE_POLICY_MODE,
      TOLLGATE_POLICY_ENFORCEMENT.
      """;

  private Main() {}

  public static void main(String[] args) {
    CliLogging.install();
    System.exit(run(Arrays.asList(args), System.out, System.err));
  }

  /** Runs one command; returns the process exit status (what {@link #main} exits with). */
  public static int run(List<String> args, PrintStream out, PrintStream err) {
    if (args.isEmpty() || List.of("help", "--help", "-h").contains(args.get(0))) {
      out.print(USAGE);
      return args.isEmpty() ? 2 : 0;
    }
    List<String> rest = args.subList(1, args.size());
    try {
      return switch (args.get(0)) {
        case "serve" -> ServeCommand.run(rest, out);
        case "check" -> CheckCommand.run(rest, out);
        case "typosquat" -> TyposquatCommand.run(rest, System.in, out);
        case "verify-bundle" -> VerifyBundleCommand.run(rest, out);
        default -> throw new UsageException("unknown command '" + args.get(0) + "'");
      };
    } catch (UsageException e) {
      err.println("tollgate: " + e.getMessage());
      err.println("Run 'tollgate --help' for usage.");
      return 2;
    } catch (Exception e) {
      err.println("tollgate: " + e.getMessage());
      return 1;
    }
  }
}
