package dev.tollgate.gateway.cli;

import dev.tollgate.gateway.config.ConfigLoader;
import dev.tollgate.gateway.config.GatewayConfig;
import dev.tollgate.gateway.policy.PolicyLoader;
import dev.tollgate.policy.coordinates.Ecosystem;
import dev.tollgate.policy.coordinates.ImageCoordinates;
import dev.tollgate.policy.coordinates.PackageCoordinates;
import dev.tollgate.policy.decision.Decision;
import dev.tollgate.policy.decision.Reason;
import dev.tollgate.policy.engine.PolicyEngine;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code tollgate check pypi <name>[==<version>]}, {@code tollgate check npm <name>[@<version>]} and
 * {@code tollgate check oci <image>[:<tag>|@<digest>]}: explains the decision the gateway would make,
 * from the same engine and policy files, without fetching anything. (An image's signature check needs
 * its manifest and signatures, so it is not part of this answer.)
 */
public final class CheckCommand {

  private CheckCommand() {}

  public static int run(List<String> args, PrintStream out) throws Exception {
    Options options = Options.parse(args, Set.of("--config"));
    if (options.positional().size() != 2) {
      throw new UsageException("check takes an ecosystem and a package: check pypi requests==2.32.3,"
          + " check npm lodash@4.17.21, check oci docker.io/library/alpine:3.20");
    }
    Ecosystem ecosystem;
    try {
      ecosystem = Ecosystem.fromId(options.positional().get(0));
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    Function<PolicyEngine, Decision> question = question(ecosystem, options.positional().get(1));
    GatewayConfig config = ConfigLoader.load(Path.of(options.get("--config").orElse("conf")), System.getenv());
    Decision decision = question.apply(PolicyLoader.load(config, Clock.systemUTC()));
    print(decision, out);
    return decision.permits() ? 0 : 1;
  }

  /** What to ask the engine about {@code text}, read before any configuration so a typo fails fast. */
  private static Function<PolicyEngine, Decision> question(Ecosystem ecosystem, String text) throws UsageException {
    if (ecosystem == Ecosystem.OCI) {
      ImageCoordinates image = image(text);
      return engine -> engine.decide(image);
    }
    PackageCoordinates subject = parse(ecosystem, text);
    return engine -> engine.decide(subject);
  }

  /** {@code name} or {@code name==version} for PyPI; {@code name} or {@code name@version} for npm ({@code @scope/name@1.0.0}). */
  static PackageCoordinates parse(Ecosystem ecosystem, String text) throws UsageException {
    String separator = ecosystem == Ecosystem.NPM ? "@" : "==";
    int at = ecosystem == Ecosystem.NPM ? text.indexOf('@', text.startsWith("@") ? 1 : 0) : text.indexOf("==");
    String name = at < 0 ? text : text.substring(0, at);
    if (name.isBlank()) {
      throw new UsageException("no package name in '" + text + "'");
    }
    if (at < 0) {
      return PackageCoordinates.of(ecosystem, name.trim());
    }
    String version = text.substring(at + separator.length()).trim();
    if (version.isEmpty()) {
      throw new UsageException("no version after '" + separator + "' in '" + text + "'");
    }
    return PackageCoordinates.of(ecosystem, name.trim(), version);
  }

  /** {@link ImageCoordinates#parse}, with a malformed name as a usage error. */
  static ImageCoordinates image(String text) throws UsageException {
    try {
      return ImageCoordinates.parse(text);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  static void print(Decision decision, PrintStream out) {
    PackageCoordinates s = decision.subject();
    out.println(s.ecosystem().id() + " " + s.name() + s.version().map(v -> " " + v).orElse("") + ": "
        + decision.verdict().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    for (Reason reason : decision.reasons()) {
      out.println("  - [" + reason.rule().id() + "] " + reason.message());
      for (Map.Entry<String, String> detail : reason.details().entrySet()) {
        out.println("      " + detail.getKey() + ": " + detail.getValue());
      }
    }
  }
}
