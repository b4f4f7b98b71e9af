package dev.tollgate.policy.typosquat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tollgate.policy.coordinates.Ecosystem;
import java.io.IOException;
import java.io.StringReader;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProtectedNamesParserTest {

  @Test
  void readsAPopularListRankingUnnumberedNamesByPosition() throws IOException {
    String list =
        "\uFEFF# most popular first\n"
            + "requests\n"
            + "\n"
            + "  # a comment\n"
            + "Python_DateUtil\n"
            + "numpy\t1\n"
            + "boto3\n";

    ProtectedNames names =
        ProtectedNamesParser.parsePopularList(Ecosystem.PYPI, new StringReader(list));

    assertEquals(
        Set.of("requests", "python-dateutil", "numpy", "boto3"), names.names(Ecosystem.PYPI));
    assertEquals(OptionalInt.of(1), names.rank(Ecosystem.PYPI, "requests"));
    assertEquals(OptionalInt.of(2), names.rank(Ecosystem.PYPI, "python-dateutil"));
    assertEquals(OptionalInt.of(1), names.rank(Ecosystem.PYPI, "numpy"));
    assertEquals(OptionalInt.of(4), names.rank(Ecosystem.PYPI, "boto3"));
  }

  @Test
  void readsAProtectedFileRankingEachEcosystemByPosition() throws IOException {
    String file =
        "# ecosystem, name, optional rank\n"
            + "pypi\trequests\n"
            + "npm\tlodash\n"
            + "NPM\t@types/node\t40\n"
            + "npm\treact\n"
            + "pypi\tnumpy\n";

    ProtectedNames names = ProtectedNamesParser.parseProtectedFile(new StringReader(file));

    assertEquals(Set.of("requests", "numpy"), names.names(Ecosystem.PYPI));
    assertEquals(Set.of("lodash", "@types/node", "react"), names.names(Ecosystem.NPM));
    assertEquals(OptionalInt.of(2), names.rank(Ecosystem.PYPI, "numpy"));
    assertEquals(OptionalInt.of(40), names.rank(Ecosystem.NPM, "@types/node"));
    assertEquals(OptionalInt.of(3), names.rank(Ecosystem.NPM, "react"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "requests\\nnumpy\\tfirst                | line 2: rank 'first' is not a whole number of 1 or more",
        "requests\\tone\\ttwo                    | line 1: expected 1 to 2 tab-separated fields, found 3",
        "# header\\nrequests\\t0                 | line 2: rank '0' is not a whole number of 1 or more",
        "requests\\n\\n\\tnumpy                  | line 3: field 1 is empty or contains spaces",
        "python dateutil                         | line 1: field 1 is empty or contains spaces",
        "requests\\t                             | line 1: field 2 is empty or contains spaces",
      })
  void rejectsABadPopularListLineByNumber(String list, String message) {
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class,
            () -> ProtectedNamesParser.parsePopularList(Ecosystem.PYPI, reader(list)));

    assertEquals(message, error.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "pypi\\trequests\\nmaven\\tjunit   | line 2: unknown ecosystem 'maven' (expected pypi, npm or oci)",
        "pypi                             | line 1: expected 2 to 3 tab-separated fields, found 1",
        "npm\\tlodash\\t1\\textra         | line 1: expected 2 to 3 tab-separated fields, found 4",
        "\\n\\nnpm\\tlodash\\t-3          | line 3: rank '-3' is not a whole number of 1 or more",
        "npm\\t\\t1                       | line 1: field 2 is empty or contains spaces",
      })
  void rejectsABadProtectedFileLineByNumber(String file, String message) {
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class,
            () -> ProtectedNamesParser.parseProtectedFile(reader(file)));

    assertEquals(message, error.getMessage());
  }

  /** The table's text with {@code \n} and {@code \t} written as escapes, so each row stays one line. */
  static StringReader reader(String escaped) {
    return new StringReader(escaped.replace("\\n", "\n").replace("\\t", "\t"));
  }
}
