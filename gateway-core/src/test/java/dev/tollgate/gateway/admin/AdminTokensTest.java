package dev.tollgate.gateway.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AdminTokensTest {

  @TempDir
  static Path dir;

  private static AdminTokens tokens() throws Exception {
    Path file = Files.writeString(dir.resolve("tokens"), "# security team\nfile-token-1\n\n  file-token-2  \n");
    return AdminTokens.load(Optional.of(file), Map.of(AdminTokens.ENVIRONMENT, "env-token"));
  }

  @ParameterizedTest(name = "[{0}] -> {1}")
  @CsvSource(delimiter = '|', value = {
      "Bearer file-token-1 | true",
      "bearer file-token-2 | true",
      "BEARER env-token    | true",
      "Bearer # security team | false",
      "Bearer file-token-  | false",
      "Bearer              | false",
      "Basic ZmlsZS10b2tlbi0x | false",
      "file-token-1        | false"})
  void acceptsOnlyAConfiguredBearerToken(String header, boolean accepted) throws Exception {
    assertEquals(accepted, tokens().accepts(header));
  }

  @Test
  void withoutTokensNothingIsAccepted() throws Exception {
    AdminTokens none = AdminTokens.load(Optional.empty(), Map.of(AdminTokens.ENVIRONMENT, " "));
    assertTrue(none.isEmpty());
    assertEquals(false, none.accepts("Bearer "));
    assertEquals(false, none.accepts(null));
  }
}
