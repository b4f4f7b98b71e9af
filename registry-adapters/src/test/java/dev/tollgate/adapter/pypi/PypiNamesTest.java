package dev.tollgate.adapter.pypi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PypiNamesTest {

  @ParameterizedTest(name = "''{0}'' valid={1}, normalised ''{2}''")
  @CsvSource(
      delimiter = '|',
      value = {
        "requests            | true  | requests",
        "Django              | true  | django",
        "zope.interface      | true  | zope-interface",
        "Foo__Bar--baz..qux  | true  | foo-bar-baz-qux",
        "a                   | true  | a",
        "1                   | true  | 1",
        "-leading            | false | -leading",
        "trailing_           | false | trailing-",
        "has space           | false | has space",
        "naïve               | false | naïve",
        "slash/name          | false | slash/name",
        "''                  | false | ''",
      })
  void validatesAndNormalises(String name, boolean valid, String normalized) {
    assertEquals(valid, PypiNames.isValidProjectName(name));
    assertEquals(normalized, PypiNames.normalize(name));
  }

  @ParameterizedTest(name = "length {0} valid={1}")
  @CsvSource({"128, true", "129, false"})
  void limitsLength(int length, boolean valid) {
    assertEquals(valid, PypiNames.isValidProjectName("a".repeat(length)));
  }
}
