package dev.tollgate.policy.version;

import dev.tollgate.policy.coordinates.Ecosystem;
import dev.tollgate.policy.version.npm.NpmScheme;
import dev.tollgate.policy.version.oci.ImageReferenceScheme;
import dev.tollgate.policy.version.pep440.Pep440Scheme;

/** Picks the version syntax an ecosystem's policy entries are written in, so callers need not switch. */
public final class VersionSchemes {

  private static final VersionScheme PEP_440 = new Pep440Scheme();
  private static final VersionScheme NPM = new NpmScheme();
  private static final VersionScheme IMAGE_REFERENCES = new ImageReferenceScheme();

  private VersionSchemes() {}

  /** The scheme for {@code ecosystem}'s versions (for images: tag and digest references). */
  public static VersionScheme forEcosystem(Ecosystem ecosystem) {
    return switch (ecosystem) {
      case PYPI -> PEP_440;
      case NPM -> NPM;
      case OCI -> IMAGE_REFERENCES;
    };
  }
}
