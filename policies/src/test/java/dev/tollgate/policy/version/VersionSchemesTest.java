package dev.tollgate.policy.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tollgate.policy.coordinates.Ecosystem;
import dev.tollgate.policy.version.pep440.Pep440Scheme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VersionSchemesTest {

  @Test
  void pypiUsesPep440() {
    assertInstanceOf(Pep440Scheme.class, VersionSchemes.forEcosystem(Ecosystem.PYPI));
  }

  @ParameterizedTest
  @CsvSource({"NPM, npm", "OCI, oci"})
  void otherEcosystemsSayTheyAreNotSupportedYet(Ecosystem ecosystem, String id) {
    UnsupportedOperationException error = assertThrows(
        UnsupportedOperationException.class, () -> VersionSchemes.forEcosystem(ecosystem));
    assertEquals("version constraints for " + id + " are not supported yet", error.getMessage());
  }
}
