package dev.tollgate.gateway.audit;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.gateway.config.GatewayConfig;
import dev.tollgate.policy.coordinates.Ecosystem;
import dev.tollgate.policy.coordinates.PackageCoordinates;
import dev.tollgate.policy.decision.Decision;
import dev.tollgate.policy.decision.Reason;
import dev.tollgate.policy.decision.Rule;
import dev.tollgate.policy.decision.Verdict;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AuditLogTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The keys every line carries, in the documented order. */
  private static final List<String> KEYS = List.of("time", "id", "client", "agent", "method", "path", "ecosystem", "package",
      "version", "verdict", "reasons", "status", "upstreamStatus", "bytes", "latencyMs");

  /** No rotation within a test, no fsync: what every test but the rotation tests needs. */
  private static final GatewayConfig.Audit SETTINGS =
      new GatewayConfig.Audit(1 << 30, Duration.ofDays(1), 3, false, GatewayConfig.Fsync.NEVER, Duration.ofSeconds(1));

  private static final Reason TYPOSQUAT = new Reason(Rule.TYPOSQUAT,
      "'reqeusts' looks like a typosquat of 'requests' (two letters swapped)",
      Map.of("target", "requests", "similarity", "transposition"));

  private static AuditEvent event(String id, Integer upstreamStatus, Map<String, Object> details) {
    return new AuditEvent(Instant.parse("2026-03-01T12:00:00.123Z"), id, "127.0.0.1", "ci-runner", "GET",
        "/pypi/simple/reqeusts/", "pypi", "reqeusts", null, "deny", List.of(TYPOSQUAT), 403, upstreamStatus, 0, 7,
        details);
  }

  private static List<String> keysOf(JsonNode node) {
    List<String> keys = new ArrayList<>();
    node.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  @Test
  void anEventIsOneJsonLineWithTheDocumentedKeys() throws Exception {
    byte[] line = AuditLog.encode(event("7K3M9Q2X", null, null));
    String text = new String(line, StandardCharsets.UTF_8);

    JsonNode json = JSON.readTree(text);
    JsonNode reason = json.get("reasons").get(0);
    assertAll(
        () -> assertTrue(text.endsWith("}\n"), text),
        () -> assertEquals(1, text.split("\n", -1).length - 1, "exactly one newline"),
        () -> assertEquals(KEYS, keysOf(json)),
        () -> assertEquals("2026-03-01T12:00:00.123Z", json.get("time").asText()),
        () -> assertEquals("7K3M9Q2X", json.get("id").asText()),
        () -> assertEquals("127.0.0.1", json.get("client").asText()),
        () -> assertEquals("ci-runner", json.get("agent").asText()),
        () -> assertEquals("GET", json.get("method").asText()),
        () -> assertEquals("/pypi/simple/reqeusts/", json.get("path").asText()),
        () -> assertEquals("pypi", json.get("ecosystem").asText()),
        () -> assertEquals("reqeusts", json.get("package").asText()),
        () -> assertTrue(json.get("version").isNull()),
        () -> assertEquals("deny", json.get("verdict").asText()),
        () -> assertEquals(List.of("rule", "message", "details"), keysOf(reason)),
        () -> assertEquals("typosquat", reason.get("rule").asText()),
        () -> assertEquals(TYPOSQUAT.message(), reason.get("message").asText()),
        () -> assertEquals("requests", reason.get("details").get("target").asText()),
        () -> assertEquals("transposition", reason.get("details").get("similarity").asText()),
        () -> assertEquals(403, json.get("status").asInt()),
        () -> assertTrue(json.get("upstreamStatus").isNull()),
        () -> assertEquals(0, json.get("bytes").asLong()),
        () -> assertEquals(7, json.get("latencyMs").asLong()));
  }

  @Test
  void extraDetailsFollowAsTheirOwnObject() throws Exception {
    JsonNode json = JSON.readTree(AuditLog.encode(event("ID", 200,
        Map.of("file", "requests-2.32.3.tar.gz", "cached", true, "hops", 2, "hosts", List.of("a", "b")))));

    JsonNode details = json.get("details");
    assertEquals(200, json.get("upstreamStatus").asInt());
    assertEquals("requests-2.32.3.tar.gz", details.get("file").asText());
    assertTrue(details.get("cached").asBoolean());
    assertEquals(2, details.get("hops").asInt());
    assertEquals("b", details.get("hosts").get(1).asText());
  }

  @Test
  void lineBreaksAndQuotesInMessagesStayInsideTheLine() throws Exception {
    Reason odd = Reason.of(Rule.DENY_LIST, "line one\nline \"two\"\u2028");
    AuditEvent e = new AuditEvent(Instant.EPOCH, "ID", "::1", "anonymous", "GET", "/x", "pypi", "x", "1.0", "deny",
        List.of(odd), 403, 200, 0, 0, Map.of());

    String text = new String(AuditLog.encode(e), StandardCharsets.UTF_8);

    assertEquals(1, text.split("\n", -1).length - 1, text);
    assertEquals(odd.message(), JSON.readTree(text).get("reasons").get(0).get("message").asText());
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"ALLOW, allow", "DENY, deny", "WOULD_DENY, would-deny"})
  void verdictsAreSpelledAsTheLogDocumentsThem(Verdict verdict, String spelled) {
    Decision decision = new Decision(PackageCoordinates.of(Ecosystem.PYPI, "requests"), verdict,
        List.of(Reason.of(Rule.ALLOW_LIST, "listed")));

    assertEquals(spelled, AuditEvent.verdictOf(decision));
  }

  @Test
  void recordedLinesSurviveCloseAndLaterRunsAppend(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("var").resolve("audit.log");
    try (AuditLog log = AuditLog.open(file, SETTINGS, Clock.systemUTC())) {
      for (int i = 1; i <= 3; i++) {
        log.record(event("ID" + i, 200, null));
      }
    }
    try (AuditLog log = AuditLog.open(file, SETTINGS, Clock.systemUTC())) {
      log.record(event("ID4", 200, null));
    }

    List<String> lines = Files.readAllLines(file);
    List<String> ids = new ArrayList<>();
    for (String line : lines) {
      ids.add(JSON.readTree(line).get("id").asText());
    }
    assertEquals(List.of("ID1", "ID2", "ID3", "ID4"), ids);
  }

  @Test
  void anEventRecordedAfterCloseIsDroppedQuietly(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("audit.log");
    AuditLog log = AuditLog.open(file, SETTINGS, Clock.systemUTC());
    log.record(event("KEPT", 200, null));
    log.close();

    log.record(event("LATE", 200, null));

    Iterator<String> lines = Files.readAllLines(file).iterator();
    assertTrue(lines.next().contains("KEPT"));
    assertFalse(lines.hasNext());
  }

  /** The ids in {@code file}, in order. */
  private static List<String> ids(Path file) throws IOException {
    List<String> ids = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      ids.add(JSON.readTree(line).get("id").asText());
    }
    return ids;
  }

  @Test
  void aFileThatWouldOutgrowItsSizeIsRotatedAndOnlyKeepOldOnesStay(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("audit.log");
    int lineLength = AuditLog.encode(event("ID01", 200, null)).length;
    GatewayConfig.Audit twoLinesPerFile = new GatewayConfig.Audit(2L * lineLength, Duration.ofDays(1), 2, false,
        GatewayConfig.Fsync.EVERY_LINE, Duration.ofSeconds(1));
    try (AuditLog log = AuditLog.open(file, twoLinesPerFile, Clock.systemUTC())) {
      for (int i = 1; i <= 7; i++) {
        log.record(event("ID0" + i, 200, null));
      }
    }

    assertAll(
        () -> assertEquals(List.of("ID07"), ids(file)),
        () -> assertEquals(List.of("ID05", "ID06"), ids(dir.resolve("audit.log.1"))),
        () -> assertEquals(List.of("ID03", "ID04"), ids(dir.resolve("audit.log.2"))),
        () -> assertFalse(Files.exists(dir.resolve("audit.log.3")), "keep: 2 rotated files at most"));
  }

  @Test
  void aFileOlderThanTheAgeBoundIsRotatedBeforeTheNextLine(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("audit.log");
    MutableClock clock = new MutableClock(Instant.parse("2026-11-30T00:00:00Z"));
    GatewayConfig.Audit hourly = new GatewayConfig.Audit(1 << 30, Duration.ofHours(1), 5, false,
        GatewayConfig.Fsync.NEVER, Duration.ofSeconds(1));
    try (AuditLog log = AuditLog.open(file, hourly, clock)) {
      log.record(event("EARLY", 200, null));
      log.record(event("SAME-HOUR", 200, null));
      awaitLines(file, 2);
      clock.advance(Duration.ofMinutes(61));
      log.record(event("NEXT-HOUR", 200, null));
    }

    assertEquals(List.of("NEXT-HOUR"), ids(file));
    assertEquals(List.of("EARLY", "SAME-HOUR"), ids(dir.resolve("audit.log.1")));
  }

  @Test
  void linesAreCopiedToStandardOutputWhenAsked(@TempDir Path dir) throws Exception {
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    GatewayConfig.Audit withStdout = new GatewayConfig.Audit(1 << 30, Duration.ofDays(1), 3, true,
        GatewayConfig.Fsync.INTERVAL, Duration.ofMillis(10));
    try (AuditLog log = AuditLog.open(dir.resolve("audit.log"), withStdout, Clock.systemUTC(), stdout)) {
      log.record(event("SHIPPED", 200, null));
    }

    assertEquals(Files.readString(dir.resolve("audit.log")), stdout.toString(StandardCharsets.UTF_8));
    assertTrue(stdout.toString(StandardCharsets.UTF_8).contains("\"SHIPPED\""));
  }

  /** Waits (up to 5 s) until the writer thread has written {@code count} lines to {@code file}. */
  private static void awaitLines(Path file, int count) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (Files.readAllLines(file).size() < count) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the audit log did not reach " + count + " lines: " + Files.readString(file));
      }
      Thread.sleep(10);
    }
  }

  /** A clock the test moves by hand; read by the log's writer thread. */
  private static final class MutableClock extends Clock {
    private volatile Instant now;

    MutableClock(Instant start) {
      this.now = start;
    }

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return java.time.ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
