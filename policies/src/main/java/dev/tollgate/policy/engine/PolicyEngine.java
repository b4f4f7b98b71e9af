package dev.tollgate.policy.engine;

import dev.tollgate.policy.coordinates.Ecosystem;
import dev.tollgate.policy.coordinates.ImageCoordinates;
import dev.tollgate.policy.coordinates.PackageCoordinates;
import dev.tollgate.policy.coordinates.PackageNames;
import dev.tollgate.policy.coordinates.ReleaseFacts;
import dev.tollgate.policy.decision.Decision;
import dev.tollgate.policy.decision.Reason;
import dev.tollgate.policy.decision.Rule;
import dev.tollgate.policy.decision.Verdict;
import dev.tollgate.policy.rules.Enforcement;
import dev.tollgate.policy.rules.ListEntry;
import dev.tollgate.policy.rules.PackagePolicy;
import dev.tollgate.policy.rules.PolicyMode;
import dev.tollgate.policy.typosquat.ProtectedNames;
import dev.tollgate.policy.typosquat.TyposquatDetector;
import dev.tollgate.policy.typosquat.TyposquatMatch;
import dev.tollgate.policy.version.oci.ImageReferences;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Decides whether a package (and version) may pass. Pure and thread-safe: a new engine is built
 * whenever the policy changes, and the one in force is swapped atomically by its owner.
 *
 * <p>Order: deny-list, then the name (allow-list or open mode, and typosquat detection), then the
 * version against the matching allow-list entries. Audit enforcement turns DENY into WOULD_DENY.
 */
public final class PolicyEngine {

  private final Map<Ecosystem, PackagePolicy> policies;
  private final TyposquatDetector typosquats;
  private final Clock clock;

  private PolicyEngine(Map<Ecosystem, PackagePolicy> policies, TyposquatDetector typosquats, Clock clock) {
    this.policies = policies;
    this.typosquats = typosquats;
    this.clock = clock;
  }

  /**
   * Builds an engine. The typosquat detector protects {@code popular} plus every exact name on the
   * allow-lists. An ecosystem without a policy denies everything.
   */
  public static PolicyEngine build(List<PackagePolicy> policies, ProtectedNames popular, Clock clock) {
    Map<Ecosystem, PackagePolicy> byEcosystem = new EnumMap<>(Ecosystem.class);
    ProtectedNames protectedNames = popular;
    for (PackagePolicy policy : policies) {
      byEcosystem.put(policy.ecosystem(), policy);
      List<String> exact = new ArrayList<>();
      for (ListEntry entry : policy.allow()) {
        if (!entry.name().isGlob()) {
          exact.add(entry.name().exactName());
        }
      }
      protectedNames = protectedNames.with(policy.ecosystem(), exact);
    }
    return new PolicyEngine(byEcosystem, TyposquatDetector.build(protectedNames), clock);
  }

  /** The policy in force for {@code ecosystem}. */
  public PackagePolicy policy(Ecosystem ecosystem) {
    return policies.getOrDefault(ecosystem, PackagePolicy.denyAll(ecosystem));
  }

  /** The typosquat detector this engine uses (the allow-list's names included). */
  public TyposquatDetector typosquats() {
    return typosquats;
  }

  /** Decides on a package name, or on one version of it when the coordinates carry a version. */
  public Decision decide(PackageCoordinates subject) {
    PackagePolicy policy = policy(subject.ecosystem());
    String name = PackageNames.normalize(subject.ecosystem(), subject.name());
    LocalDate today = LocalDate.now(clock);
    String label = label(subject.ecosystem());

    Optional<Reason> denied = denyListReason(policy, name, subject, today, label);
    if (denied.isPresent()) {
      return refuse(subject, policy, denied.get());
    }

    List<ListEntry> matching = new ArrayList<>();
    for (ListEntry entry : policy.allow()) {
      if (entry.name().matches(name)) {
        matching.add(entry);
      }
    }
    boolean exactlyListed = matching.stream().anyMatch(e -> !e.name().isGlob());
    if (!exactlyListed) {
      Optional<TyposquatMatch> squat = typosquats.check(subject.ecosystem(), subject.name());
      if (squat.isPresent()) {
        return refuse(subject, policy, typosquatReason(subject, squat.get()));
      }
    }

    if (matching.isEmpty()) {
      if (policy.mode() == PolicyMode.OPEN) {
        return new Decision(subject, Verdict.ALLOW,
            List.of(Reason.of(Rule.OPEN_MODE, "'" + subject.name() + "' is not denied (open mode)")));
      }
      return refuse(subject, policy, new Reason(Rule.NOT_ALLOWED,
          "'" + subject.name() + "' is not on the " + label + " allow-list", Map.of("name", name)));
    }

    List<ListEntry> live = matching.stream().filter(e -> !e.expiredOn(today)).toList();
    if (live.isEmpty()) {
      ListEntry last = matching.get(matching.size() - 1);
      return refuse(subject, policy, new Reason(Rule.ENTRY_EXPIRED,
          "the " + label + " allow-list entry for '" + last.name() + "' expired on " + last.expires().orElseThrow(),
          details(last)));
    }
    if (subject.version().isEmpty()) {
      ListEntry first = live.get(0);
      return new Decision(subject, Verdict.ALLOW, List.of(new Reason(Rule.ALLOW_LIST,
          "'" + subject.name() + "' is on the " + label + " allow-list (" + first.name() + " " + first.versionText() + ")",
          details(first))));
    }
    String version = subject.version().get();
    Optional<ListEntry> pinned = Optional.empty();
    for (ListEntry entry : live) {
      if (entry.versions().map(c -> c.allows(version)).orElse(true)) {
        if (entry.digestPinsOnly() && !ImageReferences.isDigest(version)) {
          pinned = pinned.or(() -> Optional.of(entry));
          continue;
        }
        return new Decision(subject, Verdict.ALLOW, List.of(new Reason(Rule.ALLOW_LIST,
            "'" + subject.name() + "' " + version + " is on the " + label + " allow-list ("
                + entry.name() + " " + entry.versionText() + ")",
            details(entry))));
      }
    }
    if (pinned.isPresent()) {
      return refuse(subject, policy, new Reason(Rule.DIGEST_PIN_REQUIRED,
          "'" + subject.name() + "' may be pulled by digest only (" + pinned.get().name()
              + " admits digest pins only); pull " + subject.name() + "@sha256:<digest> instead of tag '" + version + "'",
          details(pinned.get())));
    }
    String ranges = String.join("' or '", live.stream().map(ListEntry::versionText).toList());
    return refuse(subject, policy, new Reason(Rule.VERSION_NOT_ALLOWED,
        "version " + version + " of '" + subject.name() + "' is outside the allowed range '" + ranges + "'",
        details(live.get(0))));
  }

  /**
   * Decides whether an image may be pulled: the deny-list, the allow-list (registry/repository
   * globs, tag patterns and digest literals, digest pins), and typosquats of popular or allow-listed
   * repositories. This is the admission decision, made before anything is asked of the upstream.
   * A signature requirement is a second decision, made once the manifest and its signatures are at
   * hand (the signature policy, {@code dev.tollgate.policy.signature}); an image is served only when
   * both permit.
   */
  public Decision decide(ImageCoordinates image) {
    return decide(image.asPackage());
  }

  /**
   * Decides on one version with what the registry says about it: as {@link #decide(PackageCoordinates)},
   * then, if that allows, refuses a version that runs install scripts its allow-list entry does not
   * permit, and one younger than the minimum release age (the entry's, else the policy's). A version
   * whose publish time is unknown cannot be shown old enough and is refused when an age applies.
   */
  public Decision decide(PackageCoordinates subject, ReleaseFacts facts) {
    Decision decision = decide(subject);
    if (decision.verdict() != Verdict.ALLOW || subject.version().isEmpty()) {
      return decision;
    }
    PackagePolicy policy = policy(subject.ecosystem());
    String name = PackageNames.normalize(subject.ecosystem(), subject.name());
    String version = subject.version().get();
    LocalDate today = LocalDate.now(clock);
    Optional<ListEntry> entry = policy.allow().stream()
        .filter(e -> e.name().matches(name) && !e.expiredOn(today))
        .filter(e -> e.versions().map(c -> c.allows(version)).orElse(true))
        .findFirst();
    if (facts.runsInstallScripts() && !entry.map(ListEntry::installScripts).orElse(false)) {
      return refuse(subject, policy, new Reason(Rule.INSTALL_SCRIPT,
          "version " + version + " of '" + subject.name() + "' runs install scripts, which "
              + entry.map(e -> "its allow-list entry (" + e.name() + ") does not permit").orElse("no allow-list entry permits"),
          entry.map(PolicyEngine::details).orElse(Map.of())));
    }
    Optional<Duration> minimumAge = entry.flatMap(ListEntry::minimumAge).or(policy::minimumReleaseAge)
        .filter(age -> !age.isZero());
    if (minimumAge.isPresent()) {
      Map<String, String> details = Map.of("minimumAge", minimumAge.get().toString());
      if (facts.publishedAt().isEmpty()) {
        return refuse(subject, policy, new Reason(Rule.RELEASE_TOO_NEW, "version " + version + " of '"
            + subject.name() + "' has no publish time, so its age of at least "
            + Durations.describe(minimumAge.get()) + " cannot be checked", details));
      }
      Duration age = Duration.between(facts.publishedAt().get(), clock.instant());
      if (age.compareTo(minimumAge.get()) < 0) {
        return refuse(subject, policy, new Reason(Rule.RELEASE_TOO_NEW, "version " + version + " of '"
            + subject.name() + "' was published " + Durations.describe(age.isNegative() ? Duration.ZERO : age)
            + " ago; releases younger than " + Durations.describe(minimumAge.get()) + " are held back", details));
      }
    }
    return decision;
  }

  private static Optional<Reason> denyListReason(
      PackagePolicy policy, String name, PackageCoordinates subject, LocalDate today, String label) {
    for (ListEntry entry : policy.deny()) {
      if (!entry.name().matches(name) || entry.expiredOn(today)) {
        continue;
      }
      if (entry.versions().isEmpty()) {
        return Optional.of(new Reason(Rule.DENY_LIST,
            "'" + subject.name() + "' is on the " + label + " deny-list" + noteSuffix(entry), details(entry)));
      }
      if (subject.version().isPresent() && entry.versions().get().covers(subject.version().get())) {
        return Optional.of(new Reason(Rule.DENY_LIST,
            "version " + subject.version().get() + " of '" + subject.name() + "' is on the " + label
                + " deny-list (" + entry.versionText() + ")" + noteSuffix(entry),
            details(entry)));
      }
    }
    return Optional.empty();
  }

  private static Reason typosquatReason(PackageCoordinates subject, TyposquatMatch match) {
    return new Reason(Rule.TYPOSQUAT,
        "'" + subject.name() + "' looks like a typosquat of '" + match.target() + "' ("
            + match.similarity().description() + ")",
        Map.of("target", match.target(), "similarity", match.similarity().name().toLowerCase(Locale.ROOT)));
  }

  private static Decision refuse(PackageCoordinates subject, PackagePolicy policy, Reason reason) {
    Verdict verdict = policy.enforcement() == Enforcement.AUDIT ? Verdict.WOULD_DENY : Verdict.DENY;
    return new Decision(subject, verdict, List.of(reason));
  }

  private static Map<String, String> details(ListEntry entry) {
    Map<String, String> details = new LinkedHashMap<>();
    details.put("entry", entry.name().toString());
    details.put("versions", entry.versionText());
    entry.expires().ifPresent(d -> details.put("expires", d.toString()));
    if (!entry.source().isEmpty()) {
      details.put("source", entry.source());
    }
    if (!entry.note().isEmpty()) {
      details.put("note", entry.note());
    }
    return details;
  }

  private static String noteSuffix(ListEntry entry) {
    return entry.note().isEmpty() ? "" : ": " + entry.note();
  }

  private static String label(Ecosystem ecosystem) {
    return switch (ecosystem) {
      case PYPI -> "PyPI";
      case NPM -> "npm";
      case OCI -> "image";
    };
  }
}
