package dev.tollgate.gateway.policy;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.gateway.config.ConfigException;
import dev.tollgate.gateway.config.ConfigLoader;
import dev.tollgate.policy.coordinates.Ecosystem;
import dev.tollgate.policy.coordinates.ImageCoordinates;
import dev.tollgate.policy.decision.Decision;
import dev.tollgate.policy.decision.Rule;
import dev.tollgate.policy.decision.Verdict;
import dev.tollgate.policy.engine.PolicyEngine;
import dev.tollgate.policy.rules.Enforcement;
import dev.tollgate.policy.rules.ListEntry;
import dev.tollgate.policy.rules.PackagePolicy;
import dev.tollgate.policy.rules.PolicyMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** policy/oci.yaml: the image allow- and deny-lists, as shipped and as a security team edits them. */
class ImagePolicyFileTest {

  static final String DIGEST = "sha256:" + "ab".repeat(32);

  /** The engine of the shipped configuration, built once: the popular-name lists take a while. */
  private static PolicyEngine shipped;

  @TempDir Path dir;

  @BeforeAll
  static void loadShippedPolicy() throws ConfigException {
    Clock today = Clock.fixed(Instant.parse("2026-11-30T12:00:00Z"), ZoneOffset.UTC);
    shipped = PolicyLoader.load(ConfigLoader.load(Path.of("../conf"), Map.of()), today);
  }

  private Path write(String name, String yaml) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, yaml);
    return file;
  }

  private static PackagePolicy load(Ecosystem ecosystem, Path file) throws ConfigException {
    return PolicyFileLoader.load(ecosystem, file, PolicyMode.ALLOWLIST, Enforcement.ENFORCE);
  }

  @Test
  void readsEveryFieldOfAnImageEntry() throws Exception {
    PackagePolicy policy = load(Ecosystem.OCI, write("oci.yaml", """
        allow:
          - name: docker.io/library/alpine
            version: "3.*, latest"
          - name: docker.io/library/nginx
            digestPinsOnly: true
            note: platform team, TICKET-7
            expires: 2030-01-01
          - name: "127.0.0.1:5001/tollgate/*"
        deny:
          - name: docker.io/library/alpine
            version: "%s"
        """.formatted(DIGEST)));

    ListEntry alpine = policy.allow().get(0);
    ListEntry nginx = policy.allow().get(1);
    ListEntry local = policy.allow().get(2);
    assertAll(
        () -> assertTrue(alpine.versions().orElseThrow().allows("3.20")),
        () -> assertFalse(alpine.versions().orElseThrow().allows("edge")),
        () -> assertFalse(alpine.digestPinsOnly()),
        () -> assertTrue(nginx.digestPinsOnly()),
        () -> assertEquals("platform team, TICKET-7", nginx.note()),
        () -> assertEquals(Optional.of(LocalDate.of(2030, 1, 1)), nginx.expires()),
        () -> assertEquals("oci.yaml:4", nginx.source()),
        () -> assertTrue(local.name().matches("127.0.0.1:5001/tollgate/hello")),
        () -> assertTrue(policy.deny().get(0).versions().orElseThrow().covers(DIGEST)));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
    "allow:\\n  - name: library/alpine\\n | oci.yaml:2: allow[0].name: image name 'library/alpine' must start with its registry",
    "allow:\\n  - name: docker.io/library/alpine\\n    version: \\\"3.*, a b\\\"\\n | oci.yaml:2: allow[0].version: 'a b' is neither a tag pattern",
    "deny:\\n  - name: docker.io/x/y\\n  - name: docker.io/library/alp ine\\n | oci.yaml:3: deny[1].name: image name",
    "allow:\\n  - name: docker.io/library/nginx\\n    digestPinsOnly: maybe\\n | oci.yaml:3: allow[0]: Cannot deserialize value of type `java.lang.Boolean`",
  })
  void errorsNameFileLineAndField(String yaml, String messageStart) throws Exception {
    Path file = write("oci.yaml", yaml.replace("\\n", "\n").replace("\\\"", "\""));
    ConfigException e = assertThrows(ConfigException.class, () -> load(Ecosystem.OCI, file));
    assertTrue(e.getMessage().startsWith(dir.resolve(messageStart).toString()), e.getMessage());
  }

  @Test
  void digestPinsBelongToImagesOnly() throws Exception {
    Path file = write("npm.yaml", "allow:\n  - name: lodash\n    digestPinsOnly: true\n");
    ConfigException e = assertThrows(ConfigException.class, () -> load(Ecosystem.NPM, file));
    assertEquals(file + ":2: allow[0].digestPinsOnly: applies to images (policy/oci.yaml) only", e.getMessage());
  }

  @ParameterizedTest(name = "{0}:{1} -> {2} ({3})")
  @CsvSource({
    "library/alpine,  3.20,   ALLOW, ALLOW_LIST",
    "library/alpine,  edge,   DENY,  VERSION_NOT_ALLOWED",
    "library/busybox, latest, ALLOW, ALLOW_LIST",
    "library/python,  3.13-slim, ALLOW, ALLOW_LIST",
    "library/python,  2.7,    DENY,  VERSION_NOT_ALLOWED",
    "library/ubunto,  24.04,  DENY,  TYPOSQUAT",
    "library/alpnie,  3.20,   DENY,  TYPOSQUAT",
    "library/nginx,   1.27,   DENY,  NOT_ALLOWED",
    "acme/app,        v1,     DENY,  NOT_ALLOWED",
  })
  void theShippedPolicyAdmitsAFewOfficialImages(String repository, String tag, Verdict verdict, Rule rule) {
    Decision decision = shipped.decide(ImageCoordinates.byTag("docker.io", repository, tag));
    assertEquals(verdict, decision.verdict(), decision.summary());
    assertEquals(rule, decision.reasons().get(0).rule(), decision.summary());
  }
}
