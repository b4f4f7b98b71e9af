package dev.tollgate.gateway.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.policy.coordinates.Ecosystem;
import dev.tollgate.policy.coordinates.PackageCoordinates;
import dev.tollgate.policy.decision.Decision;
import dev.tollgate.policy.decision.Reason;
import dev.tollgate.policy.decision.Rule;
import dev.tollgate.policy.decision.Verdict;
import dev.tollgate.policy.version.npm.NpmVersion;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a refused client reads, and the id that ties it to its audit line. */
class RefusalsTest {

  @Test
  void aRefusalSaysWhyWhatToDoAndItsId() {
    Decision decision = new Decision(PackageCoordinates.of(Ecosystem.PYPI, "reqeusts"), Verdict.DENY,
        List.of(Reason.of(Rule.TYPOSQUAT, "'reqeusts' looks like a typosquat of 'requests'")));

    assertEquals("Blocked by policy: 'reqeusts' looks like a typosquat of 'requests'"
        + " - ask your security team to allow it (ref 7K3M9Q2X)", Refusals.message(decision, "7K3M9Q2X"));
  }

  private static Decision refusal(String version, Rule rule) {
    return new Decision(PackageCoordinates.of(Ecosystem.NPM, "tg-left-pad", version), Verdict.DENY,
        List.of(Reason.of(rule, rule.id() + " " + version)));
  }

  @Test
  void theMostTellingRefusalIsTheNewestVersionTheRangeAdmits() {
    Map<String, Decision> byVersion = new LinkedHashMap<>();
    byVersion.put("1.0.0", refusal("1.0.0", Rule.RELEASE_TOO_NEW));
    byVersion.put("1.0.1", refusal("1.0.1", Rule.INSTALL_SCRIPT));
    byVersion.put("2.0.0", refusal("2.0.0", Rule.VERSION_NOT_ALLOWED));
    byVersion.put("not-a-version", refusal("not-a-version", Rule.DENY_LIST));

    assertEquals("install-script 1.0.1",
        Refusals.mostTelling(byVersion, NpmVersion::tryParse).orElseThrow().summary());
  }

  @Test
  void whenTheRangeAdmitsNoneTheNewestRefusalIsTold() {
    Map<String, Decision> byVersion = new LinkedHashMap<>();
    byVersion.put("2.0.0", refusal("2.0.0", Rule.VERSION_NOT_ALLOWED));
    byVersion.put("10.0.0", refusal("10.0.0", Rule.VERSION_NOT_ALLOWED));

    assertEquals("version-not-allowed 10.0.0",
        Refusals.mostTelling(byVersion, NpmVersion::tryParse).orElseThrow().summary());
  }

  @Test
  void decisionIdsAreShortUnambiguousAndDistinct() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 2000; i++) {
      String id = DecisionIds.next();
      assertTrue(id.matches("[0-9A-HJKMNP-TV-Z]{8}"), id);
      seen.add(id);
    }
    assertEquals(2000, seen.size());
  }
}
