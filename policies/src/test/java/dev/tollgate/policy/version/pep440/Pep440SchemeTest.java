package dev.tollgate.policy.version.pep440;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.policy.version.VersionConstraint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Pep440SchemeTest {

  private final Pep440Scheme scheme = new Pep440Scheme();

  @Test
  void parsesConstraintsAsSpecifierSets() {
    VersionConstraint constraint = scheme.parseConstraint(" >=2.31, <3 ");
    assertEquals(">=2.31, <3", constraint.text());
    assertTrue(constraint.allows("2.32.3"));
    assertFalse(constraint.allows("3.0"));
  }

  @Test
  void rejectsInvalidConstraints() {
    assertThrows(IllegalArgumentException.class, () -> scheme.parseConstraint("^1.2.0"));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', textBlock = """
      2.31.0             | true
      v1.0RC1            | true
      1!2.0.post3+abc.1  | true
      1.0-SNAPSHOT       | false
      latest             | false
      ''                 | false
      """)
  void tellsValidVersions(String version, boolean valid) {
    assertEquals(valid, scheme.isValidVersion(version));
  }
}
