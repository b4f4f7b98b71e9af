package dev.tollgate.gateway.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.policy.coordinates.Ecosystem;
import dev.tollgate.policy.coordinates.PackageCoordinates;
import dev.tollgate.policy.decision.Decision;
import dev.tollgate.policy.decision.Reason;
import dev.tollgate.policy.decision.Rule;
import dev.tollgate.policy.decision.Verdict;
import java.util.HashSet;
import java.util.List;
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
