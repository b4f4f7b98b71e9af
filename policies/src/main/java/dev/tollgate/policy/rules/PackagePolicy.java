package dev.tollgate.policy.rules;

import dev.tollgate.policy.coordinates.Ecosystem;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Objects;

/**
 * The policy for one ecosystem: its mode, enforcement, allow- and deny-list entries, and the minimum
 * age a release must reach before it is served (new releases are where hijacked packages show up).
 */
public record PackagePolicy(
    Ecosystem ecosystem,
    PolicyMode mode,
    Enforcement enforcement,
    List<ListEntry> allow,
    List<ListEntry> deny,
    Optional<Duration> minimumReleaseAge) {

  public PackagePolicy {
    Objects.requireNonNull(ecosystem, "ecosystem");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(enforcement, "enforcement");
    Objects.requireNonNull(minimumReleaseAge, "minimumReleaseAge");
    allow = List.copyOf(allow);
    deny = List.copyOf(deny);
  }

  /** A policy without a minimum release age. */
  public PackagePolicy(Ecosystem ecosystem, PolicyMode mode, Enforcement enforcement, List<ListEntry> allow,
      List<ListEntry> deny) {
    this(ecosystem, mode, enforcement, allow, deny, Optional.empty());
  }

  /** A policy that admits nothing: allow-list mode with an empty list. */
  public static PackagePolicy denyAll(Ecosystem ecosystem) {
    return new PackagePolicy(ecosystem, PolicyMode.ALLOWLIST, Enforcement.ENFORCE, List.of(), List.of());
  }
}
