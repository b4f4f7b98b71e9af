package dev.tollgate.policy.version;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.tollgate.policy.coordinates.Ecosystem;
import dev.tollgate.policy.version.npm.NpmScheme;
import dev.tollgate.policy.version.oci.ImageReferenceScheme;
import dev.tollgate.policy.version.pep440.Pep440Scheme;
import org.junit.jupiter.api.Test;

class VersionSchemesTest {

  @Test
  void pypiUsesPep440() {
    assertInstanceOf(Pep440Scheme.class, VersionSchemes.forEcosystem(Ecosystem.PYPI));
  }

  @Test
  void npmUsesNodeSemver() {
    assertInstanceOf(NpmScheme.class, VersionSchemes.forEcosystem(Ecosystem.NPM));
  }

  @Test
  void ociUsesImageReferences() {
    assertInstanceOf(ImageReferenceScheme.class, VersionSchemes.forEcosystem(Ecosystem.OCI));
  }
}
