package dev.tollgate.policy.version.npm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.policy.version.VersionConstraint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NpmSchemeTest {

  private final NpmScheme scheme = new NpmScheme();

  @Test
  void parsesConstraintsAsNodeSemverRanges() {
    VersionConstraint constraint = scheme.parseConstraint(" ^1.2.0 || >=3 <4 ");
    assertEquals("^1.2.0 || >=3 <4", constraint.text());
    assertTrue(constraint.allows("1.9.9"));
    assertTrue(constraint.allows("3.1.0"));
    assertFalse(constraint.allows("2.0.0"));
    assertFalse(constraint.allows("1.3.0-rc.1"));
  }

  @Test
  void rejectsInvalidConstraints() {
    assertThrows(IllegalArgumentException.class, () -> scheme.parseConstraint(">=2.31,<3"));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = ';', textBlock = """
      1.2.3              ; true
      v2.0.0-rc.1+b.5    ; true
      =1.2.3             ; false
      1.2                ; false
      latest             ; false
      ''                 ; false
      """)
  void tellsValidVersions(String version, boolean valid) {
    assertEquals(valid, scheme.isValidVersion(version));
  }
}
