package dev.tollgate.gateway.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/**
 * The gateway's audit log, read for npm decisions. The log is written off the request path, so a
 * line may land a moment after the client has its answer; {@link #await} waits for it (boundedly).
 * Parsing is {@link AuditTrail}'s; what differs is the ecosystem every entry must carry.
 */
final class NpmAuditTrail {

  private static final Duration WAIT = Duration.ofSeconds(5);
  private static final Duration POLL_INTERVAL = Duration.ofMillis(50);
  /** The keys every line has; {@code details} is left out when there are none. */
  private static final List<String> KEYS = List.of("time", "id", "client", "agent", "method", "path", "ecosystem", "package",
      "version", "verdict", "reasons", "status", "upstreamStatus", "bytes", "latencyMs");

  private final AuditTrail log;

  NpmAuditTrail(Path file) {
    this.log = new AuditTrail(file);
  }

  /** The raw log, for assertion messages. */
  String text() {
    return log.text();
  }

  /**
   * The first entry for a request whose path ends with {@code pathSuffix} and that was answered
   * with {@code status}; waits up to 5 s for it and fails, quoting the log, if none appears. The
   * entry is checked to carry the documented keys and {@code "ecosystem": "npm"}.
   */
  JsonNode await(String pathSuffix, int status) throws InterruptedException {
    return await(pathSuffix + " answered " + status,
        entry -> entry.path("path").asText("").endsWith(pathSuffix) && entry.path("status").asInt() == status);
  }

  /** The first entry that satisfies {@code condition} (described by {@code what}); waits and checks as above. */
  JsonNode await(String what, Predicate<JsonNode> condition) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    do {
      for (JsonNode entry : log.entries()) {
        if (condition.test(entry)) {
          assertWellFormed(entry);
          return entry;
        }
      }
      Thread.sleep(POLL_INTERVAL.toMillis());
    } while (System.nanoTime() < deadline);
    throw new AssertionError("no audit entry for " + what + " within " + WAIT + "; the audit log:\n" + text());
  }

  /** Every entry whose path ends with {@code pathSuffix}, without waiting: for asserting that none exists. */
  List<JsonNode> entriesFor(String pathSuffix) {
    return log.entries().stream().filter(e -> e.path("path").asText("").endsWith(pathSuffix)).toList();
  }

  private static void assertWellFormed(JsonNode entry) {
    assertAll("audit entry " + entry,
        () -> assertEquals(List.of(), KEYS.stream().filter(key -> !entry.has(key)).toList(), "missing keys"),
        () -> assertFalse(entry.path("time").asText("").isBlank(), "time"),
        () -> assertFalse(entry.path("id").asText("").isBlank(), "id"),
        () -> assertEquals("npm", entry.path("ecosystem").asText(), "ecosystem"),
        () -> assertTrue(List.of("allow", "deny", "would-deny").contains(entry.path("verdict").asText()), "verdict"),
        () -> assertTrue(entry.path("reasons").isArray(), "reasons"),
        () -> assertTrue(entry.path("status").isInt(), "status"),
        () -> assertTrue(entry.path("bytes").canConvertToLong(), "bytes"),
        () -> assertTrue(entry.path("latencyMs").canConvertToLong(), "latencyMs"));
  }
}
