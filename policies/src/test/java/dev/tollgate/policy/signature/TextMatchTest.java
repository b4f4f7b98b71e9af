package dev.tollgate.policy.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextMatchTest {

  @ParameterizedTest
  @CsvSource({
      "exact, https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main, https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main, true",
      "exact, dev@acme.test, DEV@acme.test, false",
      "exact, https://issuer.test, https://issuer.test/, false",
      "regex, 'https://github\\.com/acme/[^/]+/.*', https://github.com/acme/app/x, true",
      "regex, 'https://github\\.com/acme/[^/]+/.*', https://github.com/acme-evil/app/x, false",
      "regex, '.*@acme\\.test', dev@acme.test, true",
      "regex, '.*@acme\\.test', dev@acme.test.evil, false",
  })
  void matchesTheWholeValue(String kind, String pattern, String value, boolean matches) {
    TextMatch match = kind.equals("exact") ? TextMatch.exact(pattern) : TextMatch.regex(pattern);
    assertEquals(matches, match.matches(value));
  }

  @ParameterizedTest
  @CsvSource({"'('", "'['", "''"})
  void refusesBadExpressions(String regex) {
    assertThrows(IllegalArgumentException.class, () -> TextMatch.regex(regex));
  }
}
