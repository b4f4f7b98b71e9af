package dev.tollgate.gateway.policy;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.gateway.config.ConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The image signature policy is reloaded, validated and kept like every other policy file. */
class SignaturePolicyReloadTest {

  private static final String REQUIRE_ACME = """
      unmatched: allow
      images:
        - glob: "docker.io/acme/**"
          authorities:
            - name: ci
              keyless: {identities: [{issuer: "https://issuer.example", subject: "ci@example.com"}]}
      """;

  @TempDir Path dir;
  private Path signatures;
  private PolicyReloader reloader;

  @BeforeEach
  void start() throws Exception {
    Files.writeString(dir.resolve(ConfigLoader.FILE_NAME), "server: {}\n");
    Path policy = Files.createDirectories(dir.resolve("policy"));
    Files.writeString(policy.resolve("pypi.yaml"), "allow:\n  - name: requests\n");
    signatures = policy.resolve("signatures.yaml");
    Files.writeString(signatures, "unmatched: allow\n");
    reloader = PolicyReloader.start(ConfigLoader.load(dir, Map.of()), Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    reloader.close();
  }

  private boolean acmeNeedsSignatures() {
    return reloader.policy().signatures().ruleFor("docker.io", "acme/app").isPresent();
  }

  @Test
  void anEditedSignaturePolicyIsInForceAfterAReload() throws Exception {
    assertFalse(acmeNeedsSignatures());

    Files.writeString(signatures, REQUIRE_ACME);
    ReloadStatus status = reloader.reload();

    assertAll(
        () -> assertFalse(status.degraded(), status.toString()),
        () -> assertTrue(acmeNeedsSignatures()));
  }

  @Test
  void anInvalidSignaturePolicyIsRejectedWholeAndTheOldOneStays() throws Exception {
    Files.writeString(signatures, REQUIRE_ACME);
    reloader.reload();

    Files.writeString(signatures, REQUIRE_ACME.replace("subject: \"ci@example.com\"", "subjekt: x"));
    ReloadStatus status = reloader.reload();

    assertAll(
        () -> assertTrue(status.degraded()),
        () -> assertTrue(status.lastError().orElseThrow().startsWith(signatures.toString()),
            status.lastError().orElseThrow()),
        () -> assertTrue(acmeNeedsSignatures(), "the previous signature policy stays in force"));
  }

  @Test
  void deletingTheSignaturePolicyIsRefusedRatherThanLettingUnsignedImagesThrough() throws Exception {
    Files.writeString(signatures, REQUIRE_ACME);
    reloader.reload();

    Files.delete(signatures);
    ReloadStatus status = reloader.reload();

    assertAll(
        () -> assertTrue(status.degraded()),
        () -> assertTrue(status.lastError().orElseThrow().contains("removed"), status.lastError().orElseThrow()),
        () -> assertTrue(acmeNeedsSignatures()));
    Files.writeString(signatures, REQUIRE_ACME);
    assertEquals(false, reloader.reload().degraded(), "restoring the file clears the error");
  }
}
