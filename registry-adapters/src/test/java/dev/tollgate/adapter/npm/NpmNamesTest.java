package dev.tollgate.adapter.npm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NpmNamesTest {

  @ParameterizedTest(name = "{0} is valid")
  @ValueSource(
      strings = {
        "left-pad",
        "example.com",
        "under_score",
        "123numeric",
        "@npm/thingy",
        "@jane/foo.js",
        "JSONStream",
        "a",
        "http",
        "-"
      })
  void acceptsNamesTheRegistryServes(String name) {
    assertTrue(NpmNames.isValid(name));
  }

  @ParameterizedTest(name = "''{0}'': {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          ""                 | package name is empty
          .bin               | package name may not start with '.' or '_'
          _hidden            | package name may not start with '.' or '_'
          @scope/_x          | package name may not start with '.' or '_'
          @.scope/x          | package name may not start with '.' or '_'
          " left-pad"        | package name may contain only ASCII letters, digits, '-', '.' and '_'
          left-pad:x         | package name may contain only ASCII letters, digits, '-', '.' and '_'
          crazy!             | package name may contain only ASCII letters, digits, '-', '.' and '_'
          it's               | package name may contain only ASCII letters, digits, '-', '.' and '_'
          ~home              | package name may contain only ASCII letters, digits, '-', '.' and '_'
          @scope@x/y         | package name may contain only ASCII letters, digits, '-', '.' and '_'
          node_modules       | package name is reserved by npm
          FAVICON.ICO        | package name is reserved by npm
          @scope             | scoped package name must look like @scope/name
          @scope/            | scoped package name must look like @scope/name
          @/name             | scoped package name must look like @scope/name
          @a/b/c             | scoped package name must look like @scope/name
          a/b                | package name may contain only ASCII letters, digits, '-', '.' and '_'
          """)
  void namesWhatIsWrong(String name, String problem) {
    assertEquals(Optional.of(problem), NpmNames.problem(name));
    assertFalse(NpmNames.isValid(name));
  }

  @Test
  void limitsLengthIncludingTheScope() {
    assertTrue(NpmNames.isValid("a".repeat(214)));
    assertFalse(NpmNames.isValid("a".repeat(215)));
    assertTrue(NpmNames.isValid("@s/" + "a".repeat(211)));
    assertFalse(NpmNames.isValid("@s/" + "a".repeat(212)));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"left-pad, left-pad", "@acme/foo, @acme%2ffoo", "JSONStream, JSONStream"})
  void encodesScopedNamesAsNpmAsksForThem(String name, String segment) {
    assertEquals(segment, NpmNames.encodeForPath(name));
  }

  @Test
  void encodesOnlyValidNames() {
    assertThrows(IllegalArgumentException.class, () -> NpmNames.encodeForPath("@a/b/../c"));
  }
}
