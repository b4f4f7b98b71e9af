package dev.tollgate.policy.version.npm;

import dev.tollgate.policy.version.VersionConstraint;
import dev.tollgate.policy.version.VersionScheme;

/** npm's version syntax (node-semver), so that policy code can treat every ecosystem's versions alike. */
public final class NpmScheme implements VersionScheme {

  /** Stateless; one instance may serve every caller. */
  public NpmScheme() {}

  @Override
  public VersionConstraint parseConstraint(String text) {
    return NpmRange.parse(text);
  }

  @Override
  public boolean isValidVersion(String version) {
    return NpmVersion.parseOrNull(version) != null;
  }
}
