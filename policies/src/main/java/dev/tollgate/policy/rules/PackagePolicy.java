package dev.tollgate.policy.rules;

import dev.tollgate.policy.coordinates.Ecosystem;
import java.util.List;
import java.util.Objects;

/** The policy for one ecosystem: its mode, enforcement, and allow- and deny-list entries. */
public record PackagePolicy(
    Ecosystem ecosystem,
    PolicyMode mode,
    Enforcement enforcement,
    List<ListEntry> allow,
    List<ListEntry> deny) {

  public PackagePolicy {
    Objects.requireNonNull(ecosystem, "ecosystem");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(enforcement, "enforcement");
    allow = List.copyOf(allow);
    deny = List.copyOf(deny);
  }

  /** A policy that admits nothing: allow-list mode with an empty list. */
  public static PackagePolicy denyAll(Ecosystem ecosystem) {
    return new PackagePolicy(ecosystem, PolicyMode.ALLOWLIST, Enforcement.ENFORCE, List.of(), List.of());
  }
}
