package dev.tollgate.adapter.npm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tollgate.adapter.npm.VersionLookup.Found;
import dev.tollgate.adapter.npm.VersionLookup.Missing;
import dev.tollgate.adapter.npm.VersionLookup.Removed;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VersionLookupTest {

  private static final String FIXTURE = "packument-latest-points-at-denied.json";
  private static final Set<String> DENIED = Set.of("2.1.0", "2.1.0-beta.1", "3.0.0-canary.1");
  private static final Predicate<VersionInfo> POLICY = v -> !DENIED.contains(v.version());

  @ParameterizedTest(name = "/tg-lines/{0} -> {1}")
  @CsvSource({"1.1.0, 1.1.0", "v1, 1.1.0", "latest, 2.0.0", "next, 2.0.0"})
  void servesTheManifestOfAKeptVersion(String versionOrTag, String version)
      throws MalformedPackumentException {
    Found found = assertInstanceOf(Found.class, lookUp(versionOrTag));

    assertEquals(version, found.version().version());
    assertEquals(
        Fixtures.tree("filtered-" + FIXTURE).at("/versions/" + version),
        Fixtures.tree(found.json()));
  }

  @ParameterizedTest(name = "/tg-lines/{0} -> removed {1}")
  @CsvSource({"2.1.0, 2.1.0", "canary, 3.0.0-canary.1"})
  void saysWhenPolicyRemovedTheVersion(String versionOrTag, String version)
      throws MalformedPackumentException {
    Removed removed = assertInstanceOf(Removed.class, lookUp(versionOrTag));

    assertEquals(version, removed.version().version());
  }

  @ParameterizedTest(name = "/tg-lines/{0} is missing")
  @CsvSource({"9.9.9", "nightly"})
  void saysWhenThereIsNoSuchVersionOrTag(String versionOrTag) throws MalformedPackumentException {
    assertEquals(new Missing(versionOrTag), lookUp(versionOrTag));
  }

  @Test
  void givesTheTarballRouteOneVersionsFacts() throws MalformedPackumentException {
    VersionInfo info =
        PackumentFilter.versionInfo(Fixtures.bytes(FIXTURE), "tg-lines", "2.1.0").orElseThrow();

    assertEquals(
        Optional.of("https://upstream.example.org/tg-lines/-/tg-lines-2.1.0.tgz"), info.tarball());
    assertEquals(Optional.of(Instant.parse("2024-05-01T00:00:00Z")), info.publishedAt());
    assertEquals(
        Fixtures.tree(FIXTURE).at("/versions/2.1.0/dist/shasum").asText(),
        info.shasum().orElseThrow());
    assertEquals("sha512", info.expectedDigest().orElseThrow().algorithm());
  }

  @Test
  void findsNoFactsForAnUnknownVersion() throws MalformedPackumentException {
    assertEquals(
        Optional.empty(),
        PackumentFilter.versionInfo(Fixtures.bytes(FIXTURE), "tg-lines", "9.0.0"));
  }

  @Test
  void refusesThePackumentOfAnotherPackage() {
    assertThrows(
        MalformedPackumentException.class,
        () -> PackumentFilter.versionInfo(Fixtures.bytes(FIXTURE), "tg-other", "1.0.0"));
  }

  private static VersionLookup lookUp(String versionOrTag) throws MalformedPackumentException {
    return PackumentFilter.versionDocument(
        Fixtures.bytes(FIXTURE), "tg-lines", versionOrTag, POLICY, Fixtures.VIA_GATEWAY);
  }
}
