package dev.tollgate.gateway.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/**
 * The gateway's audit log, read for OCI decisions: each line names the request path, so a test
 * finds the line of a manifest or blob request by the path's end. Lines land a moment after the
 * client has its answer; {@link #await} waits for one (boundedly) instead of racing it.
 */
final class OciAuditTrail {

  private static final Duration WAIT = Duration.ofSeconds(5);
  private static final Duration POLL_INTERVAL = Duration.ofMillis(50);

  private final AuditTrail log;

  OciAuditTrail(Path file) {
    this.log = new AuditTrail(file);
  }

  String text() {
    return log.text();
  }

  /**
   * The first entry for a request whose path ends with {@code pathSuffix} that satisfies
   * {@code condition}; waits up to 5 s and fails, quoting the log, if none appears.
   */
  JsonNode await(String pathSuffix, String what, Predicate<JsonNode> condition) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    do {
      for (JsonNode entry : entriesFor(pathSuffix)) {
        if (condition.test(entry)) {
          assertEquals("oci", entry.path("ecosystem").asText(), "ecosystem of " + entry);
          return entry;
        }
      }
      Thread.sleep(POLL_INTERVAL.toMillis());
    } while (System.nanoTime() < deadline);
    throw new AssertionError("no audit entry for a request ending " + pathSuffix + " with " + what + " within " + WAIT
        + "; the audit log:\n" + text());
  }

  /** Waits for the entry of a request ending {@code pathSuffix} answered with {@code status}. */
  JsonNode await(String pathSuffix, int status) throws InterruptedException {
    return await(pathSuffix, "status " + status, e -> e.path("status").asInt() == status);
  }

  /** Every entry so far, without waiting. */
  List<JsonNode> entries() {
    return log.entries();
  }

  /** Every entry whose path ends with {@code pathSuffix}, without waiting. */
  List<JsonNode> entriesFor(String pathSuffix) {
    return log.entries().stream().filter(e -> e.path("path").asText("").endsWith(pathSuffix)).toList();
  }

  /** The entry of the refusal ({@code 403}) of a request ending {@code pathSuffix} whose ref {@code output} shows. */
  JsonNode refusalPrintedIn(String output, String pathSuffix) throws InterruptedException {
    return await(pathSuffix, "the ref the client printed",
        e -> e.path("status").asInt() == 403 && output.contains("(ref " + e.path("id").asText() + ")"));
  }

  /** The reason of {@code line} decided by {@code rule}; fails, quoting the line, if there is none. */
  static JsonNode reason(JsonNode line, String rule) {
    for (JsonNode reason : line.path("reasons")) {
      if (rule.equals(reason.path("rule").asText())) {
        return reason;
      }
    }
    throw new AssertionError("no '" + rule + "' reason in " + line);
  }
}
