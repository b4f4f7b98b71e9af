package dev.tollgate.gateway.decisions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tollgate.gateway.audit.AuditEvent;
import dev.tollgate.policy.decision.Reason;
import dev.tollgate.policy.decision.Rule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DecisionJournalTest {

  private static final Instant NOON = Instant.parse("2026-03-01T12:00:00Z");

  @TempDir
  Path dir;

  private static AuditEvent event(String id, int minutes, String pkg, String verdict, String agent) {
    return new AuditEvent(NOON.plusSeconds(60L * minutes), id, "127.0.0.1", agent, "GET", "/pypi/simple/" + pkg + "/",
        "pypi", pkg, null, verdict, List.of(Reason.of(Rule.NOT_ALLOWED, "'" + pkg + "' is not on the PyPI allow-list")),
        403, null, 0, 1, Map.of());
  }

  private DecisionJournal journal() {
    DecisionJournal journal = new DecisionJournal(3, dir.resolve("audit.log"));
    journal.accept(event("A1", 0, "evicted", "deny", null));
    journal.accept(event("B2", 1, "requests", "allow", "ci"));
    journal.accept(event("C3", 2, "reqeusts", "deny", "ci"));
    journal.accept(event("D4", 3, "flask", "would-deny", "laptop"));
    return journal;
  }

  static Stream<Arguments> filters() {
    return Stream.of(
        Arguments.of("everything kept, newest first", new DecisionFilter(false, Optional.empty(), Optional.empty(),
            Optional.empty()), List.of("D4", "C3", "B2")),
        Arguments.of("refusals, audit mode's included", new DecisionFilter(true, Optional.empty(), Optional.empty(),
            Optional.empty()), List.of("D4", "C3")),
        Arguments.of("one agent", new DecisionFilter(false, Optional.of("ci"), Optional.empty(), Optional.empty()),
            List.of("C3", "B2")),
        Arguments.of("one package, any case", new DecisionFilter(false, Optional.empty(), Optional.of("REQUESTS"),
            Optional.empty()), List.of("B2")),
        Arguments.of("since a time, inclusive", new DecisionFilter(false, Optional.empty(), Optional.empty(),
            Optional.of(NOON.plusSeconds(120))), List.of("D4", "C3")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("filters")
  void findsTheRecentDecisionsAFilterAsksFor(String what, DecisionFilter filter, List<String> ids) {
    assertEquals(ids, journal().find(filter, 10).stream().map(RecentDecision::id).toList());
  }

  @Test
  void aDecisionOlderThanTheJournalIsFoundInTheAuditLog() throws Exception {
    Files.writeString(dir.resolve("audit.log"), String.join("\n",
        "{\"time\":\"2026-03-01T12:00:00Z\",\"id\":\"A",
        "{\"time\":\"2026-03-01T12:00:00Z\",\"id\":\"A1\",\"client\":\"127.0.0.1\",\"agent\":\"ci\",\"ecosystem\":\"pypi\","
            + "\"package\":\"evicted\",\"version\":\"1.0\",\"verdict\":\"deny\",\"reasons\":[{\"rule\":\"not-allowed\","
            + "\"message\":\"'evicted' is not on the PyPI allow-list\",\"details\":{}}],\"status\":403,"
            + "\"details\":{}}",
        ""));
    DecisionJournal journal = journal();

    RecentDecision old = journal.byId("A1").orElseThrow();
    assertEquals(List.of("evicted", "1.0", "deny", "ci", "not-allowed"), List.of(old.packageName(),
        old.version().orElseThrow(), old.verdict(), old.agent().orElseThrow(), old.reasons().get(0).rule()));
    assertEquals("reqeusts", journal.byId("C3").orElseThrow().packageName());
    assertEquals(Optional.empty(), journal.byId("ZZ"));
  }
}
