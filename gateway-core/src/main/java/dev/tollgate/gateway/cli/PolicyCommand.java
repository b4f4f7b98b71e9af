package dev.tollgate.gateway.cli;

import dev.tollgate.gateway.config.ConfigException;
import dev.tollgate.gateway.policy.PolicyFileLoader;
import dev.tollgate.gateway.policy.PolicyLoader;
import dev.tollgate.gateway.signature.SignaturePolicyLoader;
import dev.tollgate.policy.coordinates.Ecosystem;
import dev.tollgate.policy.rules.Enforcement;
import dev.tollgate.policy.rules.PolicyMode;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code tollgate policy validate DIR}: checks a policy directory ({@code pypi.yaml}, {@code npm.yaml})
 * the way the gateway does before it reloads, for the policy repository's CI. Prints each file's
 * result (errors with file, line, field and why); exit status 0 when all are valid, 1 otherwise.
 */
public final class PolicyCommand {

  private PolicyCommand() {}

  public static int run(List<String> args, PrintStream out) throws Exception {
    Options options = Options.parse(args, Set.of());
    List<String> words = options.positional();
    if (words.size() != 2 || !"validate".equals(words.get(0))) {
      throw new UsageException("usage: tollgate policy validate DIR");
    }
    Path directory = Path.of(words.get(1));
    if (!Files.isDirectory(directory)) {
      throw new UsageException(directory + " is not a directory");
    }
    int invalid = 0;
    for (Ecosystem ecosystem : PolicyLoader.ECOSYSTEMS) {
      Path file = directory.resolve(ecosystem.id() + ".yaml");
      if (!Files.exists(file)) {
        out.println(file + ": absent (no " + ecosystem.id() + " entries)");
        continue;
      }
      try {
        PolicyFileLoader.load(ecosystem, file, PolicyMode.ALLOWLIST, Enforcement.ENFORCE);
        out.println(file + ": ok");
      } catch (ConfigException e) {
        out.println(e.getMessage());
        invalid++;
      }
    }
    Path signatures = directory.resolve(SignaturePolicyLoader.FILE_NAME);
    if (Files.exists(signatures)) {
      try {
        SignaturePolicyLoader.load(directory);
        out.println(signatures + ": ok");
      } catch (ConfigException e) {
        out.println(e.getMessage());
        invalid++;
      }
    }
    return invalid == 0 ? 0 : 1;
  }
}
