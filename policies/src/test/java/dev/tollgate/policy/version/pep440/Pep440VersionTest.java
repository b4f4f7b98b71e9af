package dev.tollgate.policy.version.pep440;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Expected values follow PEP 440 and agree with the reference implementation {@code packaging} 26.2
 * (several tables take their cases from its test suite).
 */
class Pep440VersionTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      # plain releases keep their length; integers lose leading zeros
      1                      | 1
      1.0.0                  | 1.0.0
      1.01                   | 1.1
      00.01.000              | 0.1.0
      2022.01.01             | 2022.1.1
      # epochs
      1!2.0                  | 1!2.0
      0!1.0                  | 1.0
      00!1.2                 | 1.2
      0100!0.0               | 100!0.0
      # leading v, any case
      v1.0                   | 1.0
      V1.0                   | 1.0
      v1!2                   | 1!2
      # development releases
      1.0dev                 | 1.0.dev0
      1.0.dev                | 1.0.dev0
      1.0-dev1               | 1.0.dev1
      1.0_DEV_2              | 1.0.dev2
      1.0.DEV1               | 1.0.dev1
      1.1.dev09000           | 1.1.dev9000
      1.0.dev-               | 1.0.dev0
      # alpha, beta, release candidate and their other spellings
      1.0a                   | 1.0a0
      1.0.a1                 | 1.0a1
      1.0-alpha1             | 1.0a1
      1.0ALPHA               | 1.0a0
      1.0a05                 | 1.0a5
      1.0b                   | 1.0b0
      1.0.beta1              | 1.0b1
      1.0-BETA               | 1.0b0
      1.0b07                 | 1.0b7
      1.0c                   | 1.0rc0
      1.0-c1                 | 1.0rc1
      1.0c056                | 1.0rc56
      1.0rc                  | 1.0rc0
      1.0.RC1                | 1.0rc1
      1.0rc09                | 1.0rc9
      1.0pre                 | 1.0rc0
      1.0PRE1                | 1.0rc1
      1.0.preview2           | 1.0rc2
      1!1.0.PREVIEW-3        | 1!1.0rc3
      1.0_c_1                | 1.0rc1
      1.0a-                  | 1.0a0
      1.0a-1                 | 1.0a1
      # post releases and their other spellings
      1.0post                | 1.0.post0
      1.0.post1              | 1.0.post1
      1.0-post-1             | 1.0.post1
      1.0POST1               | 1.0.post1
      1.0.post000            | 1.0.post0
      1.0-5                  | 1.0.post5
      1.0-0                  | 1.0.post0
      1.0r                   | 1.0.post0
      1.0-r5                 | 1.0.post5
      1.0rev                 | 1.0.post0
      1.0.rev.2              | 1.0.post2
      1.0-rev5               | 1.0.post5
      1.0.0-r                | 1.0.0.post0
      1.0a--1                | 1.0a0.post1
      1.0a1-1                | 1.0a1.post1
      1.0rcr                 | 1.0rc0.post0
      # combinations
      1.0a1.post1.dev1       | 1.0a1.post1.dev1
      1.0B2-POST345-DEV456   | 1.0b2.post345.dev456
      7!1.0rc1.post2.dev3    | 7!1.0rc1.post2.dev3
      # local versions: lower case, '.' as separator, integers without leading zeros
      1.0+AbC                | 1.0+abc
      1.0+ubuntu-1           | 1.0+ubuntu.1
      1.0+ubuntu-01          | 1.0+ubuntu.1
      1.0+a_B-c.01           | 1.0+a.b.c.1
      1.0+000                | 1.0+0
      1.2+123abc456          | 1.2+123abc456
      1.0.dev.+abc           | 1.0.dev0+abc
      0!1.0.4+8.0            | 1.0.4+8.0
      # integers of any size
      1.0.dev20230601123456789012 | 1.0.dev20230601123456789012
      123456789012345678901234567890.0 | 123456789012345678901234567890.0
      """)
  void normalises(String spelled, String normalised) {
    assertEquals(normalised, Pep440Version.parse(spelled).toString());
  }

  static Stream<String> spellingsWithWhitespace() {
    return Stream.of(" 1.0", "1.0 ", "   v1.0\t\n", "  \r \f \u000b v1.0\t\n", "\u00a01.0",
        "\u202f1.0\t\u2029\n ", "\u30001.0\u0085");
  }

  @ParameterizedTest
  @MethodSource("spellingsWithWhitespace")
  void ignoresSurroundingWhitespaceOfEveryKind(String spelled) {
    assertEquals("1.0", Pep440Version.parse(spelled).toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "", " ", "french toast", "v", "vv1", "1.0-", "1.0.", ".1.0", "1..0", "1..2.3", ".", "..",
      "1. 0", "1 .0", "1.0 a1", "1.0a 1", "1.0+", "1.0+a+", "1.0++", "1.0+_foobar", "1.0+foo&asd",
      "1.0+1+1", "1.0+a..b", "1.0+-a", "1.0+a-", "1.0a1b1", "1.0.post1.post2", "1.0-1-1",
      "1.0.dev1.post1", "1.0.dev1a1", "1.0-SNAPSHOT", "1.0.0-beta.2+exp.sha.5114f85x!", "1!", "!1.0",
      "1!2!3", "1.*", "1.0.x", "2.0-rc.1-", "latest", "1.0\u00a0a1",
      // only ASCII digits and letters count, even where Unicode case folding would match
      "\u0661\u0662.\u0663", "1.0+\u0130", "1.0.po\u017ft1", "1.0prev\u0130ew1"})
  void rejectsWhatIsNoPep440Version(String spelled) {
    assertEquals(Optional.empty(), Pep440Version.tryParse(spelled));
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> Pep440Version.parse(spelled));
    assertTrue(error.getMessage().contains("'" + spelled + "' is not a valid PEP 440 version"),
        error.getMessage());
  }

  @Test
  void nullIsNoVersion() {
    assertEquals(Optional.empty(), Pep440Version.tryParse(null));
  }

  /**
   * Ascending; no two equal. The epoch-0 and epoch-1 blocks are the ordering list of {@code
   * packaging}'s test suite; the rest adds zero padding, long numbers and local-label cases.
   */
  static final List<String> ASCENDING = List.of(
      "0.9",
      "0.9.1.dev1",
      "0.9.1",
      "0.10",
      "0.99999999999999999999",
      "1.0.dev0",
      "1.0.dev456",
      "1.0.dev456+local",
      "1.0a0",
      "1.0a0.post0.dev0",
      "1.0a0.post0",
      "1.0a1.dev1",
      "1.0a1.dev1+local",
      "1.0a1",
      "1.0a1+local",
      "1.0b0",
      "1.0b1.dev456",
      "1.0b2",
      "1.0b2.post345.dev456",
      "1.0b2.post345",
      "1.0b2-346",
      "1.0rc0",
      "1.0rc1.dev1",
      "1.0c1",
      "1.0rc2",
      "1.0",
      "1.0+0",
      "1.0.post0.dev0",
      "1.0.post0",
      "1.0.post456.dev34",
      "1.0.post456",
      "1.0.post456+local",
      "1.0.0.0.1",
      "1.0.1.dev1",
      "1.0.1a1",
      "1.0.1",
      "1.0.1+local",
      "1.0.1.post1",
      "1.1.dev1",
      "1.2+a",
      "1.2+abc",
      "1.2+abcdef",
      "1.2+def",
      "1.2+0",
      "1.2+1",
      "1.2+1.abc",
      "1.2+1.1",
      "1.2+1.1.0",
      "1.2+2",
      "1.2+10",
      "1.2+123",
      "1.2+123456",
      "1.2+99999999999999999999",
      "1.2+100000000000000000000",
      "1.2.r32+123456",
      "1.2.rev33+123456",
      "1.10",
      "2.0.dev20230601123456789011",
      "2.0.dev20230601123456789012",
      "2.0",
      "10.0",
      "2024.1",
      "99999999999999999999.0",
      "100000000000000000000.0",
      "1!1.0.dev0",
      "1!1.0.dev456",
      "1!1.0.dev456+local",
      "1!1.0a0",
      "1!1.0a0.post0.dev0",
      "1!1.0a0.post0",
      "1!1.0a1.dev1",
      "1!1.0a1.dev1+local",
      "1!1.0a1",
      "1!1.0a1+local",
      "1!1.0b0",
      "1!1.0b1.dev456",
      "1!1.0b2",
      "1!1.0b2.post345.dev456",
      "1!1.0b2.post345",
      "1!1.0b2-346",
      "1!1.0rc0",
      "1!1.0rc1.dev1",
      "1!1.0c1",
      "1!1.0rc2",
      "1!1.0",
      "1!1.0.post0.dev0",
      "1!1.0.post0",
      "1!1.0.post456.dev34",
      "1!1.0.post456",
      "1!1.0.post456+local",
      "1!1.0.1.dev1",
      "1!1.0.1a1",
      "1!1.0.1",
      "1!1.0.1+local",
      "1!1.0.1.post1",
      "1!1.1.dev1",
      "1!1.2+a",
      "1!1.2+abc",
      "1!1.2+abcdef",
      "1!1.2+def",
      "1!1.2+0",
      "1!1.2+1",
      "1!1.2+1.abc",
      "1!1.2+1.1",
      "1!1.2+1.1.0",
      "1!1.2+2",
      "1!1.2+123",
      "1!1.2+123456",
      "1!1.2.r32+123456",
      "1!1.2.rev33+123456",
      "2!0.1");

  @Test
  void sortsAShuffledListBackIntoPep440Order() {
    List<Pep440Version> expected = ASCENDING.stream().map(Pep440Version::parse).toList();
    List<Pep440Version> shuffled = new ArrayList<>(expected);
    Collections.shuffle(shuffled, new Random(440));
    Collections.sort(shuffled);
    assertEquals(expected, shuffled);
  }

  @Test
  void everyEarlierVersionComparesLowerAndUnequal() {
    List<Pep440Version> versions = ASCENDING.stream().map(Pep440Version::parse).toList();
    for (int i = 0; i < versions.size(); i++) {
      for (int j = 0; j < versions.size(); j++) {
        Pep440Version a = versions.get(i);
        Pep440Version b = versions.get(j);
        String pair = a + " vs " + b;
        assertEquals(Integer.signum(Integer.compare(i, j)), Integer.signum(a.compareTo(b)), pair);
        assertEquals(i == j, a.equals(b), pair);
      }
    }
  }

  @ParameterizedTest(name = "{0} == {1}")
  @CsvSource(delimiter = '|', textBlock = """
      1.0                  | 1.0.0
      1                    | 1.0.0.0
      1.0                  | v1.0
      1.0                  | 0!1.0
      1.01                 | 1.1
      1.0rc1               | 1.0c1
      1.0rc1               | 1.0.PREVIEW.1
      1.0a                 | 1.0a0
      1.0.post0            | 1.0-0
      1.0.post0            | 1.0r
      1.0.dev              | 1.0.dev0
      1.0+AbC              | 1.0+abc
      1.0+ubuntu.1         | 1.0.0+UBUNTU_01
      2.0+deadbeef.0       | 2.0.0+deadbeef.00
      """)
  void spellingsOfOneVersionAreEqualWithEqualHashes(String a, String b) {
    Pep440Version first = Pep440Version.parse(a);
    Pep440Version second = Pep440Version.parse(b);
    assertEquals(first, second);
    assertEquals(0, first.compareTo(second));
    assertEquals(first.hashCode(), second.hashCode());
  }

  @ParameterizedTest(name = "{0} != {1}")
  @CsvSource(delimiter = '|', textBlock = """
      1.0          | 1.0+0
      1.0          | 1!1.0
      1.0          | 1.0.post0
      1.0          | 1.0.dev0
      1.0          | 1.0rc0
      1.0a0        | 1.0b0
      1.0+abc      | 1.0+abc.0
      """)
  void differentVersionsAreUnequal(String a, String b) {
    assertNotEquals(Pep440Version.parse(a), Pep440Version.parse(b));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      # version                   | pre   | post  | dev   | local | base    | public
      1.0                         | false | false | false | false | 1.0     | 1.0
      1.0.dev0                    | true  | false | true  | false | 1.0     | 1.0.dev0
      1.0a1                       | true  | false | false | false | 1.0     | 1.0a1
      1.0rc1.post1                | true  | true  | false | false | 1.0     | 1.0rc1.post1
      1.0a1.post5.dev6            | true  | true  | true  | false | 1.0     | 1.0a1.post5.dev6
      1.0.post1                   | false | true  | false | false | 1.0     | 1.0.post1
      1.0.post1.dev1              | true  | true  | true  | false | 1.0     | 1.0.post1.dev1
      1.0+dev                     | false | false | false | true  | 1.0     | 1.0
      1.0.post1+dev               | false | true  | false | true  | 1.0     | 1.0.post1
      1!1.0rc4+deadbeef           | true  | false | false | true  | 1!1.0   | 1!1.0rc4
      1!1.0a1.post5.dev6+deadbeef | true  | true  | true  | true  | 1!1.0   | 1!1.0a1.post5.dev6
      v01.02.03rc1                | true  | false | false | false | 1.2.3   | 1.2.3rc1
      """)
  void reportsItsParts(String spelled, boolean prerelease, boolean post, boolean dev,
      boolean local, String base, String publicVersion) {
    Pep440Version version = Pep440Version.parse(spelled);
    assertEquals(prerelease, version.isPrerelease(), "pre-release");
    assertEquals(post, version.isPostRelease(), "post-release");
    assertEquals(dev, version.isDevRelease(), "dev release");
    assertEquals(local, version.hasLocal(), "local");
    assertEquals(base, version.baseVersion().toString(), "base version");
    assertEquals(publicVersion, version.publicVersion().toString(), "public version");
  }
}
