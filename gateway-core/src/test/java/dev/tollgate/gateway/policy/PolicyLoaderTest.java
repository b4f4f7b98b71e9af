package dev.tollgate.gateway.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.gateway.config.ConfigException;
import dev.tollgate.gateway.config.ConfigLoader;
import dev.tollgate.policy.coordinates.Ecosystem;
import dev.tollgate.policy.coordinates.PackageCoordinates;
import dev.tollgate.policy.decision.Decision;
import dev.tollgate.policy.decision.Rule;
import dev.tollgate.policy.decision.Verdict;
import dev.tollgate.policy.engine.PolicyEngine;
import dev.tollgate.policy.signature.SignaturePolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PolicyLoaderTest {

  private static final Clock TODAY = clockOn(LocalDate.of(2026, 3, 1));

  /** The engine built from the shipped configuration, built once: the popular-name lists take a while. */
  private static PolicyEngine shipped;

  @TempDir Path dir;

  @BeforeAll
  static void loadShippedPolicy() throws ConfigException {
    shipped = PolicyLoader.load(ConfigLoader.load(Path.of("../conf"), Map.of()), TODAY);
  }

  private static Clock clockOn(LocalDate day) {
    return Clock.fixed(day.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
  }

  private static Decision decide(PolicyEngine engine, String name) {
    return engine.decide(PackageCoordinates.of(Ecosystem.PYPI, name));
  }

  /** A configuration directory holding {@code policy/pypi.yaml} and no popular-name lists. */
  private PolicyEngine loadPolicy(String pypiYaml, Clock clock) throws Exception {
    Files.writeString(dir.resolve(ConfigLoader.FILE_NAME), "server: {}\n");
    Files.createDirectories(dir.resolve("policy"));
    Files.writeString(dir.resolve("policy").resolve("pypi.yaml"), pypiYaml);
    return PolicyLoader.load(ConfigLoader.load(dir, Map.of()), clock);
  }

  @ParameterizedTest(name = "{0}: {1} ({2})")
  @CsvSource(delimiter = '|', textBlock = """
      requests                       | ALLOW | allow-list
      Requests                       | ALLOW | allow-list
      charset_normalizer             | ALLOW | allow-list
      reqeusts                       | DENY  | typosquat
      numpyy                         | DENY  | typosquat
      tollgate-unit-test-unlisted-x  | DENY  | not-allowed
      """)
  void theShippedPolicyDecidesCommonNames(String name, Verdict verdict, String rule) throws Exception {
    Decision decision = decide(shipped, name);

    assertEquals(verdict, decision.verdict(), decision.summary());
    assertEquals(rule, decision.reasons().get(0).rule().id(), decision.summary());
  }

  @Test
  void aTyposquatNamesThePackageItImitates() throws Exception {
    Decision decision = decide(shipped, "reqeusts");

    assertEquals("requests", decision.reasons().get(0).details().get("target"), decision.summary());
  }

  /** The entry allows up to and including the day before it expires. */
  @ParameterizedTest(name = "on {0}: {1}")
  @CsvSource(delimiter = '|', textBlock = """
      2024-05-31 | ALLOW
      2024-06-01 | DENY
      2025-01-01 | DENY
      """)
  void anExpiredEntryRefusesWithItsExpiryDate(LocalDate today, Verdict verdict) throws Exception {
    PolicyEngine engine = loadPolicy("""
        allow:
          - name: legacy-lib
            expires: 2024-06-01
            note: migration, TICKET-9
        """, clockOn(today));

    Decision decision = decide(engine, "legacy-lib");

    assertEquals(verdict, decision.verdict(), decision.summary());
    if (verdict == Verdict.DENY) {
      assertEquals(Rule.ENTRY_EXPIRED, decision.reasons().get(0).rule());
      assertTrue(decision.summary().contains("2024-06-01"), decision.summary());
    }
  }

  @Test
  void auditEnforcementTurnsRefusalsIntoWouldDeny() throws Exception {
    Files.writeString(dir.resolve(ConfigLoader.FILE_NAME), "policy:\n  enforcement: audit\n");

    PolicyEngine engine = PolicyLoader.load(ConfigLoader.load(dir, Map.of()), TODAY);

    assertEquals(Verdict.WOULD_DENY, decide(engine, "anything-at-all").verdict());
  }

  @Test
  void aBadPopularListIsRefusedNamingFileAndLine() throws Exception {
    Path popular = Files.createDirectories(dir.resolve("popular"));
    Files.writeString(popular.resolve("pypi.txt"), "# names\nrequests\nnumpy\tzero\n");

    ConfigException e = assertThrows(ConfigException.class, () -> PopularNamesLoader.load(popular));

    assertTrue(e.getMessage().contains(popular.resolve("pypi.txt").toString()), e.getMessage());
    assertTrue(e.getMessage().contains("line 3"), e.getMessage());
  }

  @Test
  void eachPolicySetDecidesWithItsOwnFiles() throws Exception {
    Files.writeString(dir.resolve(ConfigLoader.FILE_NAME), "policy: { sets: { strict: policy-strict } }\n");
    Files.createDirectories(dir.resolve("policy"));
    Files.createDirectories(dir.resolve("policy-strict"));
    Files.writeString(dir.resolve("policy").resolve("pypi.yaml"), "allow:\n  - name: requests\n  - name: flask\n");
    Files.writeString(dir.resolve("policy-strict").resolve("pypi.yaml"), "allow:\n  - name: requests\n");
    PolicyHolder sets = new PolicyHolder(PolicyLoader.loadSets(ConfigLoader.load(dir, Map.of()), TODAY),
        SignaturePolicy.none());

    assertEquals(Verdict.ALLOW, decide(sets.current(), "flask").verdict());
    assertEquals(Verdict.ALLOW, decide(sets.current(PolicyHolder.DEFAULT_SET), "flask").verdict());
    assertEquals(Verdict.DENY, decide(sets.current("strict"), "flask").verdict());
    assertEquals(Verdict.ALLOW, decide(sets.current("strict"), "requests").verdict());
    assertEquals(Set.of("default", "strict"), sets.setNames());
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> sets.current("lax"));
    assertTrue(unknown.getMessage().contains("known: [default, strict]"), unknown.getMessage());
  }
}
