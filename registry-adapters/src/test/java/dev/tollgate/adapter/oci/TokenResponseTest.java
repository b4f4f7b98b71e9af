package dev.tollgate.adapter.oci;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TokenResponseTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
    "{\"token\":\"abc.def\",\"expires_in\":300,\"issued_at\":\"2026-11-30T10:00:00Z\"} | abc.def | 300",
    "{\"access_token\":\"oauth-1\",\"expires_in\":3600} | oauth-1 | 3600",
    "{\"token\":\"both\",\"access_token\":\"other\"} | both | 60",
    "{\"token\":null,\"access_token\":\"fallback\"} | fallback | 60",
  })
  void readsTokenAndLifetime(String json, String token, long seconds) {
    TokenResponse response = TokenResponse.parse(json.getBytes(UTF_8));
    assertEquals(token, response.token());
    assertEquals(Duration.ofSeconds(seconds), response.expiresIn());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
    "{} | token response has no 'token' or 'access_token' string",
    "{\"token\":\"\"} | token response has no 'token' or 'access_token' string",
    "{\"token\":7} | token response has no 'token' or 'access_token' string",
    "[] | token response is not a JSON object",
    "{\"token\":\"a\"} x | token response is not valid JSON",
    "{\"token\":\"a\",\"token\":\"b\"} | token response is not valid JSON",
    "{\"token\":\"a\\r\\nX-Injected: 1\"} | token holds a character that cannot go into a header",
    "{\"token\":\"a b\"} | token holds a character that cannot go into a header",
    "{\"token\":\"a\",\"expires_in\":0} | token response: expires_in must be a positive whole number of seconds",
    "{\"token\":\"a\",\"expires_in\":\"300\"} | token response: expires_in must be a positive whole number of seconds",
    "{\"token\":\"a\",\"expires_in\":1.5} | token response: expires_in must be a positive whole number of seconds",
  })
  void refusesUnusableResponses(String json, String messageStart) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TokenResponse.parse(json.getBytes(UTF_8)));
    assertTrue(e.getMessage().startsWith(messageStart), e.getMessage());
  }

  @org.junit.jupiter.api.Test
  void refusesOverLongTokens() {
    String json = "{\"token\":\"" + "t".repeat(TokenResponse.MAX_TOKEN_LENGTH + 1) + "\"}";
    assertThrows(IllegalArgumentException.class, () -> TokenResponse.parse(json.getBytes(UTF_8)));
  }
}
