package dev.tollgate.policy.version;

/**
 * A version constraint written in an ecosystem's own syntax (PEP 440 specifiers for PyPI, node-semver
 * ranges for npm). A version that cannot be parsed never satisfies a constraint: fail closed.
 */
public interface VersionConstraint {

  /** Whether {@code version} (as the registry spells it) satisfies this constraint. */
  boolean allows(String version);

  /**
   * Whether a deny-list entry with this constraint covers {@code version}. The same as {@link
   * #allows} except where an ecosystem admits more than it names: an image entry's tag patterns
   * admit pulls by digest but deny none (see {@code ReferencePatterns}).
   */
  default boolean covers(String version) {
    return allows(version);
  }

  /** The constraint as written in the policy file. */
  String text();
}
