package dev.tollgate.policy.version;

/** An ecosystem's version syntax: parses constraints as policy files write them. */
public interface VersionScheme {

  /**
   * Parses a constraint such as {@code >=2.31,<3} (PEP 440) or {@code ^1.2.0} (npm).
   *
   * @throws IllegalArgumentException with a sentence saying what is wrong
   */
  VersionConstraint parseConstraint(String text);

  /** Whether {@code version} is a valid version in this scheme. */
  boolean isValidVersion(String version);
}
