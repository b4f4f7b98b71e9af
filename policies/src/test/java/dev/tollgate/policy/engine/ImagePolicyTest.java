package dev.tollgate.policy.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tollgate.policy.coordinates.Ecosystem;
import dev.tollgate.policy.coordinates.ImageCoordinates;
import dev.tollgate.policy.decision.Decision;
import dev.tollgate.policy.decision.Rule;
import dev.tollgate.policy.decision.Verdict;
import dev.tollgate.policy.rules.Enforcement;
import dev.tollgate.policy.rules.ListEntry;
import dev.tollgate.policy.rules.NamePattern;
import dev.tollgate.policy.rules.PackagePolicy;
import dev.tollgate.policy.rules.PolicyMode;
import dev.tollgate.policy.typosquat.ProtectedNames;
import dev.tollgate.policy.version.oci.ReferencePatterns;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Image decisions: registry/repository globs, tag patterns, digest pins, expiry, typosquats. */
class ImagePolicyTest {

  static final Clock TODAY = Clock.fixed(Instant.parse("2026-11-30T12:00:00Z"), ZoneOffset.UTC);
  static final String D1 = "sha256:" + "1".repeat(64);
  static final String D2 = "sha256:" + "2".repeat(64);

  static ListEntry entry(String name, String references, boolean digestPinsOnly, String expires) {
    return new ListEntry(NamePattern.parse(Ecosystem.OCI, name),
        references == null ? Optional.empty() : Optional.of(ReferencePatterns.parse(references)),
        expires == null ? Optional.empty() : Optional.of(LocalDate.parse(expires)), "", "oci.yaml:1",
        false, Optional.empty(), digestPinsOnly);
  }

  static PolicyEngine engine(PolicyMode mode, Enforcement enforcement) {
    PackagePolicy policy = new PackagePolicy(Ecosystem.OCI, mode, enforcement,
        List.of(
            entry("docker.io/library/alpine", "3.*, latest", false, null),
            entry("docker.io/library/nginx", null, true, null),
            entry("docker.io/library/busybox", D1, false, null),
            entry("ghcr.io/acme/*", null, false, null),
            entry("127.0.0.1:5001/tollgate/*", null, false, null),
            entry("docker.io/library/redis", null, false, "2026-11-30")),
        List.of(
            entry("docker.io/library/alpine", "3.1?", false, null),
            entry("docker.io/library/alpine", D2, false, null),
            entry("ghcr.io/acme/legacy-*", null, false, null)));
    ProtectedNames popular = ProtectedNames.empty()
        .with(Ecosystem.OCI, List.of("docker.io/library/ubuntu", "docker.io/library/postgres"));
    return PolicyEngine.build(List.of(policy), popular, TODAY);
  }

  static ImageCoordinates image(String registry, String repository, String reference) {
    if (reference == null || reference.isEmpty()) {
      return ImageCoordinates.repository(registry, repository);
    }
    return reference.startsWith("sha256:")
        ? ImageCoordinates.byDigest(registry, repository, reference)
        : ImageCoordinates.byTag(registry, repository, reference);
  }

  @ParameterizedTest(name = "{0}: {1}/{2} {3} -> {4} ({5})")
  @CsvSource({
    "ALLOWLIST, docker.io,      library/alpine,    3.20,   ALLOW, ALLOW_LIST",
    "ALLOWLIST, docker.io,      library/alpine,    latest, ALLOW, ALLOW_LIST",
    "ALLOWLIST, docker.io,      library/alpine,    edge,   DENY,  VERSION_NOT_ALLOWED",
    "ALLOWLIST, docker.io,      library/alpine,    3.19,   DENY,  DENY_LIST",
    "ALLOWLIST, docker.io,      library/alpine,    ,       ALLOW, ALLOW_LIST",
    "ALLOWLIST, docker.io,      library/alpine,    D1,     ALLOW, ALLOW_LIST",
    "ALLOWLIST, docker.io,      library/alpine,    D2,     DENY,  DENY_LIST",
    "ALLOWLIST, docker.io,      library/nginx,     1.27,   DENY,  DIGEST_PIN_REQUIRED",
    "ALLOWLIST, docker.io,      library/nginx,     D1,     ALLOW, ALLOW_LIST",
    "ALLOWLIST, docker.io,      library/nginx,     ,       ALLOW, ALLOW_LIST",
    "ALLOWLIST, docker.io,      library/busybox,   D1,     ALLOW, ALLOW_LIST",
    "ALLOWLIST, docker.io,      library/busybox,   D2,     DENY,  VERSION_NOT_ALLOWED",
    "ALLOWLIST, docker.io,      library/busybox,   latest, DENY,  VERSION_NOT_ALLOWED",
    "ALLOWLIST, ghcr.io,        acme/app,          v1,     ALLOW, ALLOW_LIST",
    "ALLOWLIST, ghcr.io,        acme/team/app,     v1,     ALLOW, ALLOW_LIST",
    "ALLOWLIST, ghcr.io,        acme/legacy-app,   v1,     DENY,  DENY_LIST",
    "ALLOWLIST, ghcr.io,        other/app,         v1,     DENY,  NOT_ALLOWED",
    "ALLOWLIST, docker.io,      acme/app,          v1,     DENY,  NOT_ALLOWED",
    "ALLOWLIST, 127.0.0.1:5001, tollgate/hello,    v1,     ALLOW, ALLOW_LIST",
    "ALLOWLIST, 127.0.0.1:5002, tollgate/hello,    v1,     DENY,  NOT_ALLOWED",
    "ALLOWLIST, docker.io,      library/redis,     7,      DENY,  ENTRY_EXPIRED",
    "ALLOWLIST, docker.io,      library/ubunto,    24.04,  DENY,  TYPOSQUAT",
    "ALLOWLIST, docker.io,      library/alpime,    3.20,   DENY,  TYPOSQUAT",
    "ALLOWLIST, docker.io,      libary/ubuntu,     24.04,  DENY,  TYPOSQUAT",
    "ALLOWLIST, docker.io,      library/ubuntu,    24.04,  DENY,  NOT_ALLOWED",
    "OPEN,      docker.io,      library/ubuntu,    24.04,  ALLOW, OPEN_MODE",
    "OPEN,      docker.io,      library/postgress, 17,     DENY,  TYPOSQUAT",
    "OPEN,      docker.io,      library/alpine,    edge,   DENY,  VERSION_NOT_ALLOWED",
    "OPEN,      ghcr.io,        acme/legacy-app,   v1,     DENY,  DENY_LIST",
  })
  void decides(PolicyMode mode, String registry, String repository, String reference, Verdict verdict, Rule rule) {
    String resolved = reference == null ? null : reference.replace("D1", D1).replace("D2", D2);
    Decision d = engine(mode, Enforcement.ENFORCE).decide(image(registry, repository, resolved));
    assertEquals(verdict, d.verdict(), d.summary());
    assertEquals(rule, d.reasons().get(0).rule(), d.summary());
  }

  @Test
  void explainsATagPullRefusedForWantOfADigestPin() {
    Decision d = engine(PolicyMode.ALLOWLIST, Enforcement.ENFORCE).decide(image("docker.io", "library/nginx", "1.27"));
    assertEquals("'docker.io/library/nginx' may be pulled by digest only (docker.io/library/nginx admits digest pins"
        + " only); pull docker.io/library/nginx@sha256:<digest> instead of tag '1.27'", d.summary());
  }

  @Test
  void namesTheImitatedImage() {
    Decision d = engine(PolicyMode.OPEN, Enforcement.ENFORCE).decide(image("docker.io", "library/ubunto", "latest"));
    assertEquals("'docker.io/library/ubunto' looks like a typosquat of 'docker.io/library/ubuntu' (one character"
        + " changed, added or removed)", d.summary());
  }

  @Test
  void auditModeLetsRefusedPullsPass() {
    Decision d = engine(PolicyMode.ALLOWLIST, Enforcement.AUDIT).decide(image("docker.io", "library/nginx", "1.27"));
    assertEquals(Verdict.WOULD_DENY, d.verdict());
  }

  @Test
  void decidesOnTheImageAsAPackageOfTheOciEcosystem() {
    Decision d = engine(PolicyMode.ALLOWLIST, Enforcement.ENFORCE).decide(image("docker.io", "library/alpine", "3.20"));
    assertEquals("docker.io/library/alpine@3.20", d.subject().toString());
    assertEquals(Ecosystem.OCI, d.subject().ecosystem());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"library/alpine", "alpine", "docker.io", "docker.io/", "docker.io/library/alpine:3.20",
      "a:1:2/x", "docker.io/library/alp ine", "docker.io/@acme/x"})
  void refusesImageEntriesWithoutARegistryOrWithBadCharacters(String name) {
    assertThrows(IllegalArgumentException.class, () -> NamePattern.parse(Ecosystem.OCI, name));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"*", "docker.io/library/alpine", "localhost/app", "127.0.0.1:5001/tollgate/*",
      "*/library/alpine", "ghcr.io/acme/*"})
  void acceptsFullImageNamesAndGlobs(String name) {
    NamePattern.parse(Ecosystem.OCI, name);
  }

  @Test
  void imageCoordinatesPrintAsReferences() {
    assertEquals("docker.io/library/alpine:3.20", ImageCoordinates.byTag("docker.io", "library/alpine", "3.20").toString());
    assertEquals("ghcr.io/a/b@" + D1, ImageCoordinates.byDigest("ghcr.io", "a/b", D1).toString());
    assertEquals(Optional.of(D1),
        new ImageCoordinates("ghcr.io", "a/b", Optional.of("v1"), Optional.of(D1)).asPackage().version());
    assertThrows(IllegalArgumentException.class, () -> ImageCoordinates.byTag("docker.io", "x", "-bad"));
    assertThrows(IllegalArgumentException.class, () -> ImageCoordinates.byDigest("docker.io", "x", "sha256:abc"));
    assertThrows(IllegalArgumentException.class, () -> ImageCoordinates.repository("docker.io/library", "x"));
  }
}
