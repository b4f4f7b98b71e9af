package dev.tollgate.policy.version.npm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Expected answers are node-semver 7.8's with default options ({@code semver.valid},
 * {@code semver.compare}). Rows marked "fixture" come from node-semver's test/fixtures; the rows there
 * that need the {@code loose} option are left out: 12 of 31 in comparisons.js, 34 of 37 in
 * equality.js, 2 of 10 in invalid-versions.js (3 more are not strings).
 */
class NpmVersionTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', textBlock = """
      # fixture: valid-versions.js
      1.0.0                     ; 1 ; 0 ; 0 ; ''
      2.1.0                     ; 2 ; 1 ; 0 ; ''
      3.2.1                     ; 3 ; 2 ; 1 ; ''
      v1.2.3                    ; 1 ; 2 ; 3 ; ''
      1.2.3-0                   ; 1 ; 2 ; 3 ; 0
      1.2.3-123                 ; 1 ; 2 ; 3 ; 123
      1.2.3-1.2.3               ; 1 ; 2 ; 3 ; 1.2.3
      1.2.3-1a                  ; 1 ; 2 ; 3 ; 1a
      1.2.3-a1                  ; 1 ; 2 ; 3 ; a1
      1.2.3-alpha               ; 1 ; 2 ; 3 ; alpha
      1.2.3-alpha.1             ; 1 ; 2 ; 3 ; alpha.1
      1.2.3-alpha-1             ; 1 ; 2 ; 3 ; alpha-1
      1.2.3-alpha-.-beta        ; 1 ; 2 ; 3 ; alpha-.-beta
      1.2.3+456                 ; 1 ; 2 ; 3 ; ''
      1.2.3+build               ; 1 ; 2 ; 3 ; ''
      1.2.3+new-build           ; 1 ; 2 ; 3 ; ''
      1.2.3+build.1             ; 1 ; 2 ; 3 ; ''
      1.2.3+build.1a            ; 1 ; 2 ; 3 ; ''
      1.2.3+build.a1            ; 1 ; 2 ; 3 ; ''
      1.2.3+build.alpha         ; 1 ; 2 ; 3 ; ''
      1.2.3+build.alpha.beta    ; 1 ; 2 ; 3 ; ''
      1.2.3-alpha+build         ; 1 ; 2 ; 3 ; alpha
      # the largest numbers node-semver accepts; pre-release numbers may be larger
      9007199254740991.9007199254740991.9007199254740991 ; 9007199254740991 ; 9007199254740991 ; 9007199254740991 ; ''
      0.0.0-99999999999999999999 ; 0 ; 0 ; 0 ; 99999999999999999999
      1.2.3-0a.--.x-y           ; 1 ; 2 ; 3 ; 0a.--.x-y
      """)
  void parsesValidVersions(String text, long major, long minor, long patch, String prerelease) {
    NpmVersion version = NpmVersion.parse(text);
    assertEquals(major, version.major());
    assertEquals(minor, version.minor());
    assertEquals(patch, version.patch());
    assertEquals(prerelease.isEmpty() ? List.of() : List.of(prerelease.split("\\.")), version.prerelease());
    assertEquals(!prerelease.isEmpty(), version.isPrerelease());
  }

  /** Whitespace as JavaScript's trim() sees it, no-break space and byte order mark included. */
  @ParameterizedTest(name = "[{0}]")
  @MethodSource("versionsInWhitespace")
  void ignoresSurroundingWhitespace(String text) {
    assertEquals("1.2.3", NpmVersion.parse(text).toString());
  }

  static Stream<String> versionsInWhitespace() {
    return Stream.of(" 1.2.3 ", "\t1.2.3\n", "\u00A01.2.3\uFEFF", "\u20281.2.3\u3000", "  v1.2.3+build");
  }

  @ParameterizedTest(name = "[{0}]")
  @CsvSource(delimiter = ';', textBlock = """
      # fixture: invalid-versions.js
      90071992547409910.0.0
      0.90071992547409910.0
      0.0.90071992547409910
      'hello, world'
      # numbers just above the limit, leading zeros, missing or extra parts
      9007199254740992.0.0
      0.0.9007199254740992
      01.2.3
      1.02.3
      1.2.03
      1.2.3-01
      1.2
      1
      1.2.3.4
      ''
      '  '
      # a prefix other than one lower-case v; node-semver needs its loose option for = and 1.2.3beta
      =1.2.3
      vv1.2.3
      V1.2.3
      'v 1.2.3'
      1.2.3beta
      # empty, or foreign characters in, pre-release and build identifiers
      1.2.3-
      1.2.3+
      1.2.3-a..b
      1.2.3+a..b
      1.2.3-alpha_1
      1.2.3+build!
      1.2.3 -alpha
      1.2.3-alpha beta
      x.2.3
      1.*.3
      latest
      # a digit of another script is no digit, and whitespace Java knows but JavaScript does not is junk
      1.2.\u0663
      '1.2.3\u180E'
      '\u001C1.2.3'
      """)
  void refusesInvalidVersions(String text) {
    assertEquals(Optional.empty(), NpmVersion.tryParse(text));
    assertThrows(IllegalArgumentException.class, () -> NpmVersion.parse(text));
  }

  @Test
  void refusesVersionsLongerThan256Characters() {
    String longest = "1.2.3-" + "a".repeat(250);
    assertEquals(256, longest.length());
    assertTrue(NpmVersion.tryParse(longest).isPresent());
    assertFalse(NpmVersion.tryParse(longest + "b").isPresent());
    // the limit counts surrounding whitespace, as node-semver's does
    assertFalse(NpmVersion.tryParse(" " + longest).isPresent());
    // fixture: invalid-versions.js, 255 ones then .0.0
    assertFalse(NpmVersion.tryParse("1".repeat(255) + ".0.0").isPresent());
  }

  @Test
  void refusesNull() {
    assertEquals(Optional.empty(), NpmVersion.tryParse(null));
    assertThrows(IllegalArgumentException.class, () -> NpmVersion.parse(null));
  }

  @Test
  void errorSaysWhatAVersionLooksLike() {
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> NpmVersion.parse("=1.2.3"));
    assertEquals("'=1.2.3' is not a valid npm version: expected MAJOR.MINOR.PATCH with an optional"
        + " -prerelease and +build (like 1.2.3, 2.0.0-rc.1 or 1.0.0+build.5), numbers up to"
        + " 9007199254740991 without leading zeros, at most 256 characters", error.getMessage());
  }

  @ParameterizedTest(name = "{0} > {1}")
  @CsvSource(delimiter = ';', textBlock = """
      # fixture: comparisons.js
      0.0.0              ; 0.0.0-foo
      0.0.1              ; 0.0.0
      1.0.0              ; 0.9.9
      0.10.0             ; 0.9.0
      0.99.0             ; 0.10.0
      2.0.0              ; 1.2.3
      1.2.3              ; 1.2.3-asdf
      1.2.3              ; 1.2.3-4
      1.2.3              ; 1.2.3-4-foo
      1.2.3-5-foo        ; 1.2.3-5
      1.2.3-5            ; 1.2.3-4
      1.2.3-5-foo        ; 1.2.3-5-Foo
      3.0.0              ; 2.7.2+asdf
      1.2.3-a.10         ; 1.2.3-a.5
      1.2.3-a.b          ; 1.2.3-a.5
      1.2.3-a.b          ; 1.2.3-a
      1.2.3-a.b.c.10.d.5 ; 1.2.3-a.b.c.5.d.100
      1.2.3-r2           ; 1.2.3-r100
      1.2.3-r100         ; 1.2.3-R2
      # the precedence chain of semver.org, section 11, one step at a time
      1.0.0-alpha.1      ; 1.0.0-alpha
      1.0.0-alpha.beta   ; 1.0.0-alpha.1
      1.0.0-beta         ; 1.0.0-alpha.beta
      1.0.0-beta.2       ; 1.0.0-beta
      1.0.0-beta.11      ; 1.0.0-beta.2
      1.0.0-rc.1         ; 1.0.0-beta.11
      1.0.0              ; 1.0.0-rc.1
      # -0 is the lowest pre-release; numbers compare by value at any length
      1.0.0-0.0          ; 1.0.0-0
      1.0.0-1            ; 1.0.0-0
      1.0.0-00a          ; 1.0.0-99999999999999999999
      1.0.0-99999999999999999999 ; 1.0.0-9999999999999999999
      1.0.0-18014398509481985 ; 1.0.0-18014398509481984
      """)
  void ordersBySemverPrecedence(String greater, String lesser) {
    NpmVersion high = NpmVersion.parse(greater);
    NpmVersion low = NpmVersion.parse(lesser);
    assertTrue(high.compareTo(low) > 0);
    assertTrue(low.compareTo(high) < 0);
    assertNotEquals(high, low);
  }

  static Stream<Arguments> equalVersions() {
    return Stream.of(
        // fixture: equality.js
        Arguments.of("1.2.3-beta+build", "1.2.3-beta+otherbuild"),
        Arguments.of("1.2.3+build", "1.2.3+otherbuild"),
        Arguments.of("  v1.2.3+build", "1.2.3+otherbuild"),
        Arguments.of("v1.2.3", "1.2.3"),
        Arguments.of("\t1.2.3-rc.1 ", "1.2.3-rc.1"));
  }

  @ParameterizedTest(name = "{0} == {1}")
  @MethodSource("equalVersions")
  void ignoresBuildMetadataPrefixAndWhitespaceForEquality(String first, String second) {
    NpmVersion a = NpmVersion.parse(first);
    NpmVersion b = NpmVersion.parse(second);
    assertEquals(0, a.compareTo(b));
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
  }

  @ParameterizedTest(name = "{0} prints as {1}")
  @CsvSource(delimiter = ';', textBlock = """
      1.2.3              ; 1.2.3
      v1.2.3             ; 1.2.3
      ' 1.2.3-rc.1+b.5 ' ; 1.2.3-rc.1
      0.0.0-0            ; 0.0.0-0
      """)
  void printsAsSemverValidDoes(String text, String printed) {
    assertEquals(printed, NpmVersion.parse(text).toString());
  }
}
