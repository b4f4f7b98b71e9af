package dev.tollgate.policy.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.policy.coordinates.Ecosystem;
import dev.tollgate.policy.coordinates.PackageCoordinates;
import dev.tollgate.policy.coordinates.ReleaseFacts;
import dev.tollgate.policy.decision.Decision;
import dev.tollgate.policy.decision.Rule;
import dev.tollgate.policy.decision.Verdict;
import dev.tollgate.policy.rules.Enforcement;
import dev.tollgate.policy.rules.ListEntry;
import dev.tollgate.policy.rules.NamePattern;
import dev.tollgate.policy.rules.PackagePolicy;
import dev.tollgate.policy.rules.PolicyMode;
import dev.tollgate.policy.typosquat.ProtectedNames;
import dev.tollgate.policy.version.pep440.Pep440SpecifierSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PolicyEngineTest {

  private static final Clock TODAY = Clock.fixed(Instant.parse("2026-11-30T12:00:00Z"), ZoneOffset.UTC);

  private static ListEntry entry(String name, String versions, String expires) {
    return new ListEntry(NamePattern.parse(Ecosystem.PYPI, name),
        versions == null ? Optional.empty() : Optional.of(Pep440SpecifierSet.parse(versions)),
        expires == null ? Optional.empty() : Optional.of(LocalDate.parse(expires)), "", "pypi.yaml:1");
  }

  private static PolicyEngine engine(PolicyMode mode, Enforcement enforcement) {
    PackagePolicy policy = new PackagePolicy(Ecosystem.PYPI, mode, enforcement,
        List.of(entry("requests", ">=2.31", null), entry("Flask", null, null), entry("types-*", null, null),
            entry("old-lib", null, "2026-11-30"), entry("soon-gone", null, "2026-12-01"),
            entry("urllib3", null, null)),
        List.of(entry("evil-pkg", null, null), entry("urllib3", "==2.2.1", null)));
    ProtectedNames popular = ProtectedNames.empty().with(Ecosystem.PYPI, List.of("numpy", "requests"));
    return PolicyEngine.build(List.of(policy), popular, TODAY);
  }

  private static Decision decide(PolicyEngine engine, String name, String version) {
    return engine.decide(version == null || version.isEmpty()
        ? PackageCoordinates.of(Ecosystem.PYPI, name)
        : PackageCoordinates.of(Ecosystem.PYPI, name, version));
  }

  @ParameterizedTest(name = "{0}: {1} {2} -> {3} ({4})")
  @CsvSource({
      "ALLOWLIST, requests,,            ALLOW, ALLOW_LIST",
      "ALLOWLIST, requests, 2.32.0,     ALLOW, ALLOW_LIST",
      "ALLOWLIST, requests, 2.30.0,     DENY,  VERSION_NOT_ALLOWED",
      "ALLOWLIST, Requests, 2.31.0,     ALLOW, ALLOW_LIST",
      "ALLOWLIST, flask,,               ALLOW, ALLOW_LIST",
      "ALLOWLIST, types-requests,,      ALLOW, ALLOW_LIST",
      "ALLOWLIST, tg-unknown,,          DENY,  NOT_ALLOWED",
      "ALLOWLIST, reqeusts,,            DENY,  TYPOSQUAT",
      "ALLOWLIST, numpyy,,              DENY,  TYPOSQUAT",
      "ALLOWLIST, evil-pkg,,            DENY,  DENY_LIST",
      "ALLOWLIST, urllib3, 2.2.1,       DENY,  DENY_LIST",
      "ALLOWLIST, urllib3, 2.2.2,       ALLOW, ALLOW_LIST",
      "ALLOWLIST, urllib3,,             ALLOW, ALLOW_LIST",
      "ALLOWLIST, old-lib,,             DENY,  ENTRY_EXPIRED",
      "ALLOWLIST, soon-gone,,           ALLOW, ALLOW_LIST",
      "OPEN,      anything,,            ALLOW, OPEN_MODE",
      "OPEN,      reqeusts,,            DENY,  TYPOSQUAT",
      "OPEN,      evil-pkg,,            DENY,  DENY_LIST",
      "OPEN,      requests, 2.0,        DENY,  VERSION_NOT_ALLOWED",
      "OPEN,      numpy,,               ALLOW, OPEN_MODE",
  })
  void decides(PolicyMode mode, String name, String version, Verdict verdict, Rule rule) {
    Decision d = decide(engine(mode, Enforcement.ENFORCE), name, version);
    assertEquals(verdict, d.verdict(), d.summary());
    assertEquals(rule, d.reasons().get(0).rule(), d.summary());
  }

  private static PolicyEngine engineWithReleaseRules() {
    PackagePolicy policy = new PackagePolicy(Ecosystem.PYPI, PolicyMode.ALLOWLIST, Enforcement.ENFORCE,
        List.of(entry("plain", null, null),
            new ListEntry(NamePattern.parse(Ecosystem.PYPI, "scripty"), Optional.empty(), Optional.empty(),
                "builds a native addon", "pypi.yaml:2", true, Optional.empty()),
            new ListEntry(NamePattern.parse(Ecosystem.PYPI, "urgent"), Optional.empty(), Optional.empty(),
                "security fix needed at once", "pypi.yaml:3", false, Optional.of(Duration.ZERO))),
        List.of(), Optional.of(Duration.ofDays(3)));
    return PolicyEngine.build(List.of(policy), ProtectedNames.empty(), TODAY);
  }

  @ParameterizedTest(name = "{0} {1}, scripts={2}, published {3} h ago -> {4}")
  @CsvSource({
      "plain,   1.0, false, 100, ALLOW, ALLOW_LIST",
      "plain,   1.0, false, 71,  DENY,  RELEASE_TOO_NEW",
      "plain,   1.0, false,,     DENY,  RELEASE_TOO_NEW",
      "plain,   1.0, true,  100, DENY,  INSTALL_SCRIPT",
      "scripty, 1.0, true,  100, ALLOW, ALLOW_LIST",
      "scripty, 1.0, true,  1,   DENY,  RELEASE_TOO_NEW",
      "urgent,  1.0, false, 0,   ALLOW, ALLOW_LIST",
      "urgent,  1.0, true,  0,   DENY,  INSTALL_SCRIPT",
      "other,   1.0, false, 100, DENY,  NOT_ALLOWED",
  })
  void releaseFactsRefuseScriptsAndYoungReleases(String name, String version, boolean scripts, Long hoursAgo,
      Verdict verdict, Rule rule) {
    ReleaseFacts facts = new ReleaseFacts(scripts,
        Optional.ofNullable(hoursAgo).map(h -> TODAY.instant().minus(Duration.ofHours(h))));
    Decision d = engineWithReleaseRules().decide(PackageCoordinates.of(Ecosystem.PYPI, name, version), facts);
    assertEquals(verdict, d.verdict(), d.summary());
    assertEquals(rule, d.reasons().get(0).rule(), d.summary());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "plain   | true  | 100 | version 1.0 of 'plain' runs install scripts, which its allow-list entry (plain) does not permit",
      "plain   | false | 5   | version 1.0 of 'plain' was published 5 hours ago; releases younger than 3 days are held back",
  })
  void releaseRefusalsSayWhy(String name, boolean scripts, long hoursAgo, String message) {
    ReleaseFacts facts = new ReleaseFacts(scripts, Optional.of(TODAY.instant().minus(Duration.ofHours(hoursAgo))));
    assertEquals(message,
        engineWithReleaseRules().decide(PackageCoordinates.of(Ecosystem.PYPI, name, "1.0"), facts).summary());
  }

  @ParameterizedTest
  @CsvSource({"reqeusts", "tg-unknown", "evil-pkg"})
  void auditModeLetsRefusalsPassAsWouldDeny(String name) {
    Decision d = decide(engine(PolicyMode.ALLOWLIST, Enforcement.AUDIT), name, null);
    assertEquals(Verdict.WOULD_DENY, d.verdict());
    assertTrue(d.permits());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "reqeusts   | 'reqeusts' looks like a typosquat of 'requests' (two adjacent characters swapped)",
      "tg-unknown | 'tg-unknown' is not on the PyPI allow-list",
      "old-lib    | the PyPI allow-list entry for 'old-lib' expired on 2026-11-30",
      "evil-pkg   | 'evil-pkg' is on the PyPI deny-list",
  })
  void reasonsNameWhatToFix(String name, String message) {
    assertEquals(message, decide(engine(PolicyMode.ALLOWLIST, Enforcement.ENFORCE), name, null).summary());
  }

  @ParameterizedTest
  @CsvSource({"requests", "numpy"})
  void protectedNamesAreNeverFlagged(String name) {
    Decision d = decide(engine(PolicyMode.OPEN, Enforcement.ENFORCE), name, null);
    assertTrue(d.reasons().stream().noneMatch(r -> r.rule() == Rule.TYPOSQUAT), d.summary());
  }

  @ParameterizedTest(name = "auditing: {0} {1} -> {2} ({3})")
  @CsvSource({
      "requests, 2.30.0, WOULD_DENY, VERSION_NOT_ALLOWED",
      "requests, 2.32.0, ALLOW,      ALLOW_LIST",
      "evil-pkg,,        WOULD_DENY, DENY_LIST",
      "reqeusts,,        WOULD_DENY, TYPOSQUAT",
      "unlisted,,        WOULD_DENY, NOT_ALLOWED",
  })
  void anAuditingEngineDecidesAlikeButOnlyWouldDeny(String name, String version, Verdict verdict, Rule rule) {
    PolicyEngine audited = engine(PolicyMode.ALLOWLIST, Enforcement.ENFORCE).auditing();
    Decision decision = decide(audited, name, version);
    assertEquals(verdict, decision.verdict(), decision::toString);
    assertEquals(rule, decision.reasons().get(0).rule(), decision::toString);
  }

  @Test
  void anAuditingEngineOnlyWouldDenyAnEcosystemWithoutAPolicy() {
    PolicyEngine audited = engine(PolicyMode.ALLOWLIST, Enforcement.ENFORCE).auditing();
    assertEquals(Verdict.WOULD_DENY, audited.decide(PackageCoordinates.of(Ecosystem.NPM, "left-pad")).verdict());
  }
}
