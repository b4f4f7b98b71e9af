package dev.tollgate.policy.version.pep440;

import dev.tollgate.policy.version.VersionConstraint;
import dev.tollgate.policy.version.VersionScheme;

/** PyPI's version syntax (PEP 440), so that policy code can treat every ecosystem's versions alike. */
public final class Pep440Scheme implements VersionScheme {

  /** Stateless; one instance may serve every caller. */
  public Pep440Scheme() {}

  @Override
  public VersionConstraint parseConstraint(String text) {
    return Pep440SpecifierSet.parse(text);
  }

  @Override
  public boolean isValidVersion(String version) {
    return Pep440VersionParser.parse(version) != null;
  }
}
