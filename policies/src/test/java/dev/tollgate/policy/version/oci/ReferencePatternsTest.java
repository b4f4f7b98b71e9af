package dev.tollgate.policy.version.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReferencePatternsTest {

  static final String D1 = "sha256:" + "1".repeat(64);
  static final String D2 = "sha256:" + "2".repeat(64);

  @ParameterizedTest(name = "''{0}'' vs {1}: allows {2}, covers {3}")
  @CsvSource(delimiter = '|', value = {
    "3.*           | 3.20           | true  | true",
    "3.*           | 3              | false | false",
    "3.*           | 4.0            | false | false",
    "3.*, latest   | latest         | true  | true",
    "3.*, latest   | Latest         | false | false",
    "*-alpine      | 1.25-alpine    | true  | true",
    "*-alpine      | 1.25           | false | false",
    "1.2?          | 1.25           | true  | true",
    "1.2?          | 1.2            | false | false",
    // a tag-only pattern admits every digest (index children), but covers none
    "3.*           | sha256:1111111111111111111111111111111111111111111111111111111111111111 | true  | false",
    // digest literals pin: only the listed digests
    "sha256:1111111111111111111111111111111111111111111111111111111111111111 | sha256:1111111111111111111111111111111111111111111111111111111111111111 | true | true",
    "sha256:1111111111111111111111111111111111111111111111111111111111111111 | sha256:2222222222222222222222222222222222222222222222222222222222222222 | false | false",
    "sha256:1111111111111111111111111111111111111111111111111111111111111111 | latest | false | false",
    "*             | not a tag      | false | false",
  })
  void matchesTagsAndDigests(String patterns, String reference, boolean allows, boolean covers) {
    ReferencePatterns parsed = ReferencePatterns.parse(patterns);
    assertEquals(allows, parsed.allows(reference));
    assertEquals(covers, parsed.covers(reference));
    assertEquals(patterns.trim(), parsed.text());
  }

  @ParameterizedTest(name = "''{0}''")
  @ValueSource(strings = {"", "3.*,", "a b", "v1/2", "sha256:abc", "md5:0123", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"})
  void refusesWhatIsNeitherTagPatternNorDigest(String patterns) {
    assertThrows(IllegalArgumentException.class, () -> ReferencePatterns.parse(patterns));
  }
}
