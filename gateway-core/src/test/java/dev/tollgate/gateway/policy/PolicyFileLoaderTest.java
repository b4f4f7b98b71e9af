package dev.tollgate.gateway.policy;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.gateway.config.ConfigException;
import dev.tollgate.policy.coordinates.Ecosystem;
import dev.tollgate.policy.rules.Enforcement;
import dev.tollgate.policy.rules.ListEntry;
import dev.tollgate.policy.rules.PackagePolicy;
import dev.tollgate.policy.rules.PolicyMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PolicyFileLoaderTest {

  @TempDir Path dir;

  private Path write(String yaml) throws Exception {
    Path file = dir.resolve("pypi.yaml");
    Files.writeString(file, yaml);
    return file;
  }

  private static PackagePolicy load(Path file) throws ConfigException {
    return PolicyFileLoader.load(Ecosystem.PYPI, file, PolicyMode.ALLOWLIST, Enforcement.ENFORCE);
  }

  @Test
  void readsEveryFieldOfAllowAndDenyEntries() throws Exception {
    PackagePolicy policy = load(write("""
        # reviewed by the security team
        allow:
          - name: Requests
            version: ">=2.31,<3"
            note: platform team, TICKET-1
            expires: 2030-01-01
          - name: "acme-*"
        deny:
          - name: evil_pkg
            note: malware report 42
        """));

    ListEntry requests = policy.allow().get(0);
    ListEntry acme = policy.allow().get(1);
    ListEntry evil = policy.deny().get(0);
    assertAll(
        () -> assertEquals(2, policy.allow().size()),
        () -> assertEquals("requests", requests.name().exactName()),
        () -> assertEquals(">=2.31,<3", requests.versionText()),
        () -> assertTrue(requests.versions().orElseThrow().allows("2.32.3")),
        () -> assertFalse(requests.versions().orElseThrow().allows("3.0")),
        () -> assertEquals("platform team, TICKET-1", requests.note()),
        () -> assertEquals(Optional.of(LocalDate.of(2030, 1, 1)), requests.expires()),
        () -> assertEquals("pypi.yaml:3", requests.source()),
        () -> assertTrue(acme.name().isGlob()),
        () -> assertTrue(acme.name().matches("acme-tools")),
        () -> assertEquals("*", acme.versionText()),
        () -> assertEquals("pypi.yaml:7", acme.source()),
        () -> assertEquals(1, policy.deny().size()),
        () -> assertTrue(evil.name().matches("evil-pkg")),
        () -> assertEquals("malware report 42", evil.note()));
  }

  @Test
  void readsTheReleaseRules() throws Exception {
    Path file = dir.resolve("npm.yaml");
    Files.writeString(file, """
        minimumReleaseAge: 3d
        allow:
          - name: esbuild
            installScripts: true
            note: downloads its platform binary in postinstall
          - name: "@acme/*"
            minimumAge: 0s
          - name: lodash
        """);

    PackagePolicy policy = PolicyFileLoader.load(Ecosystem.NPM, file, PolicyMode.ALLOWLIST, Enforcement.ENFORCE);

    assertAll(
        () -> assertEquals(Optional.of(Duration.ofDays(3)), policy.minimumReleaseAge()),
        () -> assertTrue(policy.allow().get(0).installScripts()),
        () -> assertEquals(Optional.empty(), policy.allow().get(0).minimumAge()),
        () -> assertEquals(Optional.of(Duration.ZERO), policy.allow().get(1).minimumAge()),
        () -> assertFalse(policy.allow().get(2).installScripts()));
  }

  @Test
  void aBadMinimumAgeNamesItsLine() throws Exception {
    Path file = dir.resolve("npm.yaml");
    Files.writeString(file, "allow:\n  - name: lodash\n    minimumAge: soon\n");

    ConfigException e = assertThrows(ConfigException.class,
        () -> PolicyFileLoader.load(Ecosystem.NPM, file, PolicyMode.ALLOWLIST, Enforcement.ENFORCE));

    assertTrue(e.getMessage().startsWith(file + ":2: allow[0].minimumAge"), e.getMessage());
  }

  @Test
  void aMissingFileMeansEmptyLists() throws Exception {
    PackagePolicy policy = load(dir.resolve("absent.yaml"));
    assertTrue(policy.allow().isEmpty());
    assertTrue(policy.deny().isEmpty());
  }

  @Test
  void emptyListsAndAnEmptyFileAreAccepted() throws Exception {
    assertTrue(load(write("allow: []\ndeny:\n")).allow().isEmpty());
    assertTrue(load(write("# nothing yet\n")).deny().isEmpty());
  }

  static Stream<Arguments> invalidFiles() {
    return Stream.of(
        Arguments.of("bad PEP 440 specifier", """
            allow:
              - name: requests
              - name: flask
                version: "=>2"
            """, 4, "allow[1].version"),
        Arguments.of("bad date", """
            allow:
              - name: requests
                expires: 2030-13-01
            """, 3, "allow[0].expires"),
        Arguments.of("bad name", """
            deny:
              - name: requests
              - name: "req uests"
            """, 3, "deny[1].name"),
        Arguments.of("entry without a name", """
            allow:
              - version: ">=1"
            """, 2, "allow[0].name"),
        Arguments.of("unknown key in an entry", """
            allow:
              - name: requests
                versoin: ">=2"
            """, 3, "versoin"),
        Arguments.of("allow not a list", """
            # comment
            allow: requests
            """, 2, "'allow' must be a list"),
        Arguments.of("entry not a mapping", """
            allow:
              - requests
            """, 2, "allow[0]"),
        Arguments.of("unknown list", """
            allow: []
            block:
              - name: requests
            """, 2, "block"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidFiles")
  void anInvalidFileIsRefusedNamingFileLineAndField(String label, String yaml, int line, String field)
      throws Exception {
    Path file = write(yaml);

    ConfigException e = assertThrows(ConfigException.class, () -> load(file));

    assertTrue(e.getMessage().startsWith(file + ":" + line + ":"),
        "expected " + file + ":" + line + ": " + e.getMessage());
    assertTrue(e.getMessage().contains(field), "expected " + field + ": " + e.getMessage());
  }
}
