package dev.tollgate.policy.version.pep440;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Expected answers follow PEP 440 and agree with {@code packaging} 26.2's {@code SpecifierSet} with
 * pre-releases admitted (many cases come from its test suite), except where a row says otherwise.
 */
class Pep440SpecifierSetTest {

  @ParameterizedTest(name = "{0} allows {1}: {2}")
  @CsvSource(delimiter = '|', textBlock = """
      # == compares with zero padding; without a local label in the specifier, the candidate's is ignored
      ==2                   | 2.0                     | true
      ==2.0.0               | 2.0                     | true
      ==2                   | 2.0+deadbeef            | true
      ==2.0+deadbeef        | 2.0+deadbeef            | true
      ==2.0.0+deadbeef.00   | 2.0+deadbeef.0          | true
      ==2.0+deadbeef        | 2.0                     | false
      ==2.0+deadbeef        | 2.0+deadbeef.1          | false
      ==2.0                 | 2.1                     | false
      ==2.1                 | 2.1rc1                  | false
      ==2.0                 | 2.0.post1               | false
      ==v2.0                | 2.0                     | true
      ==2.0RC1              | 2.0rc1                  | true
      ==1.0.post1           | 1.0-1                   | true
      ==2!1.0               | 2!1.0                   | true
      ==1.0                 | 2!1.0                   | false
      # ==X.* matches every version whose release starts with X, padded with zeros
      ==2.*                 | 2.dev1                  | true
      ==2.*                 | 2a1                     | true
      ==2.*                 | 2c1.post1.dev1          | true
      ==2.0.*               | 2rc1                    | true
      ==2.0.0.*             | 2                       | true
      ==0!2.*               | 2                       | true
      ==2.*                 | 0!2                     | true
      ==2.0.*               | 2.0.0.0                 | true
      ==2.1.*               | 2.1+local.version       | true
      ==1.1.*               | 1.1.0.post1             | true
      ==2.*                 | 3.0                     | false
      ==2.0.*               | 2.1                     | false
      ==2.0.0.*             | 3                       | false
      ==2.0.*               | 2.1.0.0                 | false
      ==1.1.*               | 1.10                    | false
      ==2!1.*               | 2!1.0                   | true
      ==2!1.*               | 1.0                     | false
      ==1.*                 | 2!1.0                   | false
      ==1.0.0.*             | 2!1.0                   | false
      # != is the exact negation of ==, prefixes included
      !=2                   | 2.1                     | true
      !=2.0                 | 2.0.0                   | false
      !=2.0                 | 2.0+deadbeef            | false
      !=2.0+deadbeef        | 2.0                     | true
      !=2.0+deadbeef        | 2.0+deadbeef            | false
      !=1.0                 | 2!1.0                   | true
      !=2!1.0               | 2!1.0                   | false
      !=2.*                 | 2.5                     | false
      !=2.*                 | 2rc1                    | false
      !=2.*                 | 3.0                     | true
      !=2.0.*               | 2.1                     | true
      !=2.0.*               | 2.1.0.0                 | true
      !=2.0.*               | 2.0rc1                  | false
      # >= and <= ignore the candidate's local label and admit pre-releases inside the range
      >=2                   | 2.0                     | true
      >=2                   | 2.0.post1               | true
      >=2                   | 2.0.post1.dev1          | true
      >=2                   | 2.0+local               | true
      >=2                   | 3.0a1                   | true
      >=2                   | 2.0rc1                  | false
      >=2                   | 2.0.dev1                | false
      >=2                   | 1                       | false
      >=3.0.0a7             | 3.0.0a8                 | true
      >=2.0                 | 2!1.0                   | true
      <=2                   | 2.0                     | true
      <=2                   | 2.0.dev1                | true
      <=2                   | 2.0rc1                  | true
      <=2                   | 2.0+local               | true
      <=2                   | 2.0.post1               | false
      <=2                   | 2.0.post1.dev1          | false
      <=2                   | 3                       | false
      <=2!0.1               | 1.0                     | true
      # >V refuses V's post-releases (unless V is one) and V's local builds
      >2                    | 3                       | true
      >2                    | 2.0.1                   | true
      >2                    | 2.1.post1               | true
      >2                    | 2.1+local.version       | true
      >2                    | 2.0                     | false
      >2                    | 2.0.post1               | false
      >2                    | 2.0.0.post1             | false
      >2                    | 2.0.post1.dev1          | false
      >2                    | 2.0+local.version       | false
      >2                    | 2.0rc1                  | false
      >2                    | 2.0.dev1                | false
      >1.7                  | 1.7.1                   | true
      >1.7                  | 1.7.post1               | false
      >1.7.post2            | 1.7.post3               | true
      >1.7.post2            | 1.7.post3+local         | true
      >1.7.post2            | 1.7.post2+local         | false
      >1.0a1                | 1.0a1.post0             | false
      >1.0a1                | 1.0a2.post0             | true
      >1.0a1                | 1.0.post0               | true
      >1.0a1                | 1.0a1+local             | false
      >1.0a1                | 1.0a2+local             | true
      >1.0.dev1             | 1.0.post0               | true
      >1.0.dev1             | 1.0+local               | true
      >1.0.dev1             | 1.0.dev0                | false
      >2.0dev               | 2.0.5                   | true
      >2.0                  | 2!1.0                   | true
      >4.1.0a2.dev1234      | 4.1.0a2.dev1234+local   | false
      >4.1.0a2.dev1234      | 4.1.0a2.dev1235+local   | true
      # <V refuses V's pre-releases and dev releases (unless V is one)
      <2                    | 1                       | true
      <2.1                  | 2.0                     | true
      <2.1                  | 2.0.dev0                | true
      <2                    | 2.0.dev1                | false
      <2                    | 2.0a1                   | false
      <2                    | 2.0rc1                  | false
      <2                    | 2.0c1.post1.dev1        | false
      <2                    | 2.0                     | false
      <2                    | 2.post1                 | false
      <2                    | 3                       | false
      <1.7                  | 1.7a1                   | false
      <1.7                  | 1.7.0rc1                | false
      <1.7                  | 1.7.dev0+local          | false
      <1.7                  | 1.7+local               | false
      <1.7                  | 1.6+local               | true
      <1.7                  | 1.6.0a1                 | true
      <3.0.0a8              | 3.0.0a7                 | true
      <2.0a2                | 2.0a1                   | true
      <2.0a2                | 2.0.dev1                | true
      <1.0.post1            | 1.0.post1.dev0          | false
      <1.0.post1            | 1.0.post0.dev0          | true
      <1.0.post1            | 1.0a1                   | true
      <1.0.post1            | 1.0                     | true
      <2!0.1                | 1.0                     | true
      # ~=V.N means >=V.N and ==V.*, whatever follows the release in the specifier
      ~=1.0                 | 1                       | true
      ~=1.0                 | 1.0.1                   | true
      ~=1.0                 | 1.1                     | true
      ~=1.0                 | 1.9999999               | true
      ~=1.0                 | 2.0                     | false
      ~=1.0                 | 2.0.dev1                | false
      ~=1.0a1               | 1.1                     | true
      ~=1.0a1               | 1.0a2                   | true
      ~=1.0a1               | 1.0.dev1                | false
      ~=2022.01.01          | 2022.01.01              | true
      ~=2022.01.01          | 2022.01.31              | true
      ~=2022.01.01          | 2022.02.01              | false
      ~=2.2                 | 2.2                     | true
      ~=2.2                 | 2.3                     | true
      ~=2.2                 | 2.2.post1               | true
      ~=2.2                 | 2.9rc1                  | true
      ~=2.2                 | 2.2+local               | true
      ~=2.2                 | 2.1                     | false
      ~=2.2                 | 2.2rc1                  | false
      ~=2.2                 | 3.0                     | false
      ~=2.2                 | 3.0a1                   | false
      ~=1.4.5               | 1.4.5                   | true
      ~=1.4.5               | 1.4.9                   | true
      ~=1.4.5               | 1.4.5.1                 | true
      ~=1.4.5               | 1.4.4                   | false
      ~=1.4.5               | 1.4.5a1                 | false
      ~=1.4.5               | 1.5.0                   | false
      ~=1.4.5a4             | 1.4.5a4                 | true
      ~=1.4.5a4             | 1.4.5                   | true
      ~=1.4.5a4             | 1.5                     | false
      ~=2.2.post3           | 2.2.post3               | true
      ~=2.2.post3           | 2.3                     | true
      ~=2.2.post3           | 2.2.post2               | false
      ~=2.2.post3           | 2.2                     | false
      ~=2.2.post3           | 3.0                     | false
      ~=2.2.0               | 2.2.1                   | true
      ~=1.0.0               | 1.1.0                   | false
      ~=1.0.0               | 1.1.post1               | false
      ~=1.4.5.0             | 1.4.5.9                 | true
      ~=1.4.5.0             | 1.4.6                   | false
      ~=2!1.0               | 2!1.0                   | true
      ~=2!1.0               | 2!1.5                   | true
      ~=2!1.0               | 1.0                     | false
      ~=1.0                 | 2!1.0                   | false
      # === compares spellings, ignoring case, and matches strings that are no PEP 440 version
      ===1.0                | 1.0                     | true
      ===1.0                | 1.0.0                   | false
      ===1.0                | 1.0+downstream1         | false
      ===1.0+downstream1    | 1.0                     | false
      ===1.0a1              | 1.0A1                   | true
      ===1.01               | 1.01                    | true
      ===1.01               | 1.1                     | false
      ===1.a1               | 1.a1                    | true
      ===1a1                | 1.a1                    | false
      ===foobar             | foobar                  | true
      ===foobar             | FooBar                  | true
      ===baz                | foobar                  | false
      === 1.0               | 1.0                     | true
      # a set holds when every specifier does; whitespace around parts is ignored
      >=2.31,<3             | 2.31.0                  | true
      >=2.31,<3             | 2.32.3                  | true
      >=2.31,<3             | 2.30                    | false
      >=2.31,<3             | 3.0                     | false
      >=2.31,<3             | 3.0rc1                  | false
      >=2.31,<3,!=2.32.0    | 2.32.0                  | false
      >=2.31,<3,!=2.32.0    | 2.32.1                  | true
      ' >= 1.0 , < 2.0 '    | 1.5                     | true
      >=1.0,<2.0            | 1.5+local               | true
      >=1.0,<2.0            | 1.9.post1               | true
      >=1.0,<2.0            | 2.0a1                   | false
      >=1.0,<2.0            | 1.0rc1                  | false
      >=1.0,!=1.5.*         | 1.5.3                   | false
      >=1.0,!=1.5.*         | 1.6                     | true
      ~=1.4.5,!=1.4.7       | 1.4.7                   | false
      ~=1.4.5,!=1.4.7       | 1.4.8                   | true
      >1.0,<1.0             | 1.0                     | false
      ==1.0,===1.0          | 1.0                     | true
      ===foo,===FOO         | foo                     | true
      ===foo,>=1            | foo                     | false
      # a version, however spelled, is the same version
      >=1.0,<2              | ' V1.5RC1 '             | true
      ==1.0.post2           | 1.0-r2                  | true
      # also in ~= (packaging 26.2 builds the ~= prefix from the raw spelling and answers false here)
      ~=v3.1                | 3.3                     | true
      ~=1.00DEV.9           | 1.5                     | true
      """)
  void decidesMembership(String constraint, String version, boolean expected) {
    assertEquals(expected, Pep440SpecifierSet.parse(constraint).allows(version));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "==1.0", "==1.*", "!=1.0", "!=1.*", ">=1.0", ">1.0", "<=1.0", "<1.0", "~=1.0", ">=0,!=99", "",
      "*"})
  void refusesWhatIsNoPep440VersionUnlessComparedVerbatim(String constraint) {
    Pep440SpecifierSet set = Pep440SpecifierSet.parse(constraint);
    assertFalse(set.allows("not a valid version"));
    assertFalse(set.allows("1.0-SNAPSHOT"));
    assertFalse(set.allows((String) null));
  }

  @ParameterizedTest(name = "''{0}''")
  @ValueSource(strings = {"", "  ", "*", " * "})
  void emptyOrStarAllowsEveryVersion(String constraint) {
    Pep440SpecifierSet set = Pep440SpecifierSet.parse(constraint);
    assertTrue(set.allows("0.0.1"));
    assertTrue(set.allows("2!3.0rc1.post2.dev3+local"));
  }

  @ParameterizedTest(name = "''{0}'' -> ''{1}''")
  @CsvSource(delimiter = '|', textBlock = """
      '>=2.31,<3'                | '>=2.31,<3'
      '  >= 2.31 , <3  '         | '>= 2.31 , <3'
      ''                         | ''
      ' * '                      | '*'
      '~=1.4.5'                  | '~=1.4.5'
      """)
  void textIsTheConstraintAsWrittenTrimmed(String constraint, String text) {
    assertEquals(text, Pep440SpecifierSet.parse(constraint).text());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      2.0                  | '2.0' has no operator; write '==2.0'
      v2.0                 | 'v2.0' has no operator
      =>2.0                | '=>2.0' does not start with one of the operators ~=, ==, !=, <=, >=, <, >, ===
      ^1.2                 | '^1.2' does not start with one of the operators
      1.0 - 2.0            | '1.0 - 2.0' does not start with one of the operators
      ==                   | '==' is not a valid specifier: there is nothing after ==
      ">= "                | '>=' is not a valid specifier: there is nothing after >=
      ===                  | '===' is not a valid specifier: there is nothing after ===
      === foo bar          | 'foo bar' contains whitespace
      >= 1.0 a1            | '1.0 a1' contains whitespace
      ==1.0 .*             | '1.0 .*' contains whitespace
      ~=1.0+5              | '~=1.0+5' is not a valid specifier: a local version label ('+...') is allowed only with == and !=
      >=1.0+deadbeef       | a local version label ('+...') is allowed only with == and !=
      <=1.0+abc123         | a local version label ('+...') is allowed only with == and !=
      >1.0+watwat          | a local version label ('+...') is allowed only with == and !=
      <1.0+1.0             | a local version label ('+...') is allowed only with == and !=
      ~=1.0.*              | '~=1.0.*' is not a valid specifier: the '.*' prefix match works only with == and !=
      >=1.0.*              | the '.*' prefix match works only with == and !=
      <=1.0.*              | the '.*' prefix match works only with == and !=
      >1.0.*               | the '.*' prefix match works only with == and !=
      <1.0.*               | the '.*' prefix match works only with == and !=
      ==2.0a1.*            | '==2.0a1.*' is not a valid specifier: a '.*' prefix may hold only an epoch and release numbers
      !=2.0a1.*            | a '.*' prefix may hold only an epoch and release numbers
      ==2.0.post1.*        | a '.*' prefix may hold only an epoch and release numbers
      !=2.0.post1.*        | a '.*' prefix may hold only an epoch and release numbers
      ==2.0.dev1.*         | a '.*' prefix may hold only an epoch and release numbers
      ==1.0+5.*            | a '.*' prefix may hold only an epoch and release numbers
      ==1.0.*+5            | '1.0.*+5' is not a valid PEP 440 version
      !=1.0.*+deadbeef     | '1.0.*+deadbeef' is not a valid PEP 440 version
      ==1.0.*.5            | '1.0.*.5' is not a valid PEP 440 version
      ==*                  | '*' is not a valid PEP 440 version
      ==.*                 | '' is not a valid PEP 440 version
      >=1.0.x              | '>=1.0.x' is not a valid specifier: '1.0.x' is not a valid PEP 440 version
      ==1.2+\u0130         | is not a valid PEP 440 version
      ~=1                  | '~=1' is not a valid specifier: ~= needs at least two release numbers
      ~=1!2                | ~= needs at least two release numbers
      >=1.0,,<2            | version constraint '>=1.0,,<2' has an empty specifier between commas
      ">=1.0, "            | has an empty specifier between commas
      ",>=1.0"             | has an empty specifier between commas
      >=1,=>2              | version constraint '>=1,=>2': '=>2' does not start with one of the operators
      """)
  void rejectsInvalidConstraintsNamingTheBadPart(String constraint, String message) {
    IllegalArgumentException error = assertThrows(
        IllegalArgumentException.class, () -> Pep440SpecifierSet.parse(constraint));
    assertTrue(error.getMessage().contains(message), error.getMessage());
    assertTrue(error.getMessage().startsWith("version constraint '"), error.getMessage());
  }

  @ParameterizedTest(name = "{0} allows parsed {1}: {2}")
  @CsvSource(delimiter = '|', textBlock = """
      ===1.1        | 1.01        | true
      ===1.01       | 1.01        | false
      ===1a1        | 1.a1        | true
      ===1.0        | 0!1.0       | true
      >=1.0,<2      | 1.5rc1      | true
      ''            | 1.0         | true
      >1.0          | 1.0.post1   | false
      """)
  void allowsParsedVersionsComparingArbitraryEqualityWithTheNormalisedSpelling(
      String constraint, String version, boolean expected) {
    assertEquals(expected, Pep440SpecifierSet.parse(constraint).allows(Pep440Version.parse(version)));
  }
}
