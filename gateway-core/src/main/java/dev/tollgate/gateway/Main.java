package dev.tollgate.gateway;

import dev.tollgate.gateway.cli.AdminCommand;
import dev.tollgate.gateway.cli.CheckCommand;
import dev.tollgate.gateway.cli.CliLogging;
import dev.tollgate.gateway.cli.DecisionsCommand;
import dev.tollgate.gateway.cli.ListCommand;
import dev.tollgate.gateway.cli.PolicyCommand;
import dev.tollgate.gateway.cli.SandboxCommand;
import dev.tollgate.gateway.cli.ServeCommand;
import dev.tollgate.gateway.cli.TyposquatCommand;
import dev.tollgate.gateway.cli.UsageException;
import dev.tollgate.gateway.cli.VerifyBundleCommand;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/** The {@code tollgate} command line: serving, checking, policy and admin commands, the sandbox. */
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
        check oci <image>[:<tag>|@<digest>] [--config DIR]
            Print the policy decision for a package (or one version of it, or an image) with every
            reason, without fetching anything (an image's signatures are checked only when it is
            pulled). Exit status 0 if allowed, 1 if refused.
        typosquat [--protected FILE] [--config DIR]
            Read lines "ecosystem<TAB>name" on stdin; write
            "ecosystem<TAB>name<TAB>flagged(0|1)<TAB>target" for each. FILE holds lines
            "ecosystem<TAB>name[<TAB>rank]" that replace the shipped popular-name lists.
        policy validate DIR
            Check the policy files in DIR (pypi.yaml, npm.yaml, oci.yaml, signatures.yaml) as the
            gateway does before a reload; print errors with file, line and field. Exit status 0 if
            all are valid.
        allow add <ecosystem> <name> [<version-constraint>] [--note TEXT] [--expires YYYY-MM-DD]
        allow remove <ecosystem> <name>
        allow list <ecosystem>
        allow from-decision <id> [--note TEXT]
        deny add|remove|list ...
            Edit an allow- or deny-list through the admin API (--set NAME: a policy set other
            than the default). from-decision turns a refusal (its ref) into an allow entry.
        decisions [--denied] [--since 1h] [--agent A] [--package P] [--limit N]
            Recent decisions, newest first.
        status
        reload
            The policy's state (exit status 1 while an invalid edit is rejected); reload first.
            Admin commands take --admin-url URL (TOLLGATE_ADMIN_URL, default
            http://127.0.0.1:8081) and --token TOKEN (TOLLGATE_ADMIN_TOKEN).
        sandbox [--gateway URL] [--profile NAME [--token-file FILE]] [--rw DIR]...
                [--registry HOST[=PATH]]... [--gvisor] -- COMMAND [ARGS]
            Run COMMAND (Linux; bubblewrap, or gVisor with --gvisor) where the gateway (default
            http://127.0.0.1:8080 or TOLLGATE_GATEWAY) is its only network route, the host's files
            are read-only except each --rw DIR, and pip, uv, npm, pnpm, yarn, skopeo and podman are
            set up to use the gateway. Image pulls from Docker Hub and from each --registry HOST
            (and TOLLGATE_SANDBOX_REGISTRIES, comma-separated) go to the gateway as that registry's
            mirror (PATH: the upstream's pathPrefix in the gateway). With --profile, the profile's
            agent token (from FILE or TOLLGATE_AGENT_TOKEN) goes into the clients' settings. Exits
            with COMMAND's exit code.
        verify-bundle --bundle FILE (--artifact FILE | --digest sha256:HEX) --trusted-root FILE
                      (--identity ISSUER=SUBJECT | --key PEM)
            Verify a Sigstore bundle offline with the gateway's verifier: keyless against an
            OIDC issuer and subject, or against a public key. Exit status 0 if verified, 1 if not.
        help
            Show this text.

      Environment overrides (see the README): TOLLGATE_PORT, TOLLGATE_HOST, TOLLGATE_DATA_DIR,
      TOLLGATE_PYPI_UPSTREAM, TOLLGATE_NPM_UPSTREAM, TOLLGATE_OCI_UPSTREAM, TOLLGATE_POLICY_MODE,
      TOLLGATE_POLICY_ENFORCEMENT, TOLLGATE_ADMIN_PORT, TOLLGATE_ADMIN_TOKEN,
      TOLLGATE_AGENT_TOKENS ("name=TOKEN" or "name@profile=TOKEN", comma-separated).
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
        case "allow", "deny" -> ListCommand.run(args.get(0), rest, out, System.getenv());
        case "decisions" -> DecisionsCommand.run(rest, out, System.getenv());
        case "status", "reload" -> AdminCommand.run(args.get(0), rest, out, System.getenv());
        case "policy" -> PolicyCommand.run(rest, out);
        case "sandbox" -> SandboxCommand.run(rest, err);
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
