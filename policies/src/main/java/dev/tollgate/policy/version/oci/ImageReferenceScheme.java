package dev.tollgate.policy.version.oci;

import dev.tollgate.policy.version.VersionConstraint;
import dev.tollgate.policy.version.VersionScheme;

/** Image "versions" are references, tags or digests; entries constrain them with {@link ReferencePatterns}. */
public final class ImageReferenceScheme implements VersionScheme {

  @Override
  public VersionConstraint parseConstraint(String text) {
    return ReferencePatterns.parse(text);
  }

  @Override
  public boolean isValidVersion(String version) {
    return ImageReferences.isTag(version) || ImageReferences.isDigest(version);
  }
}
