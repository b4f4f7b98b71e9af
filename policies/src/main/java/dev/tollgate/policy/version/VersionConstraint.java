package dev.tollgate.policy.version;

/**
 * A version constraint written in an ecosystem's own syntax (PEP 440 specifiers for PyPI, node-semver
 * ranges for npm). A version that cannot be parsed never satisfies a constraint: fail closed.
 */
public interface VersionConstraint {

  /** Whether {@code version} (as the registry spells it) satisfies this constraint. */
  boolean allows(String version);

  /** The constraint as written in the policy file. */
  String text();
}
