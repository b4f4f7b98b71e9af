package dev.tollgate.gateway.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The gateway's audit log as the security team reads it: JSON lines, one per decision. The log is
 * written off the request path, so a line may land a moment after the client has its answer;
 * {@link #await} waits for it (boundedly) instead of racing it.
 */
final class AuditTrail {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(5);
  private static final Duration POLL_INTERVAL = Duration.ofMillis(50);

  private final Path file;

  AuditTrail(Path file) {
    this.file = file;
  }

  /** Every line written so far, parsed. A line that is not JSON fails the test. */
  List<JsonNode> entries() {
    if (!Files.exists(file)) {
      return List.of();
    }
    List<JsonNode> entries = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (!line.isBlank()) {
          entries.add(JSON.readTree(line));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("the audit log " + file + " holds a line that is not JSON", e);
    }
    return entries;
  }

  /** The raw log, for assertion messages. */
  String text() {
    try {
      return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "(no audit log at " + file + ")";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The first entry about {@code pkg} at {@code version} (null: a page decision, with no version)
   * that also satisfies {@code condition}; waits up to 5 s for it and fails, quoting the log, if
   * none appears. The entry is checked to carry the log's documented keys.
   */
  JsonNode await(String pkg, String version, String condition, Predicate<JsonNode> test)
      throws InterruptedException {
    Predicate<JsonNode> about = entry -> pkg.equals(entry.path("package").asText(null))
        && (version == null ? entry.path("version").isNull() || entry.path("version").isMissingNode()
            : version.equals(entry.path("version").asText(null)));
    long deadline = System.nanoTime() + WAIT.toNanos();
    do {
      for (JsonNode entry : entries()) {
        if (about.test(entry) && test.test(entry)) {
          assertWellFormed(entry);
          return entry;
        }
      }
      Thread.sleep(POLL_INTERVAL.toMillis());
    } while (System.nanoTime() < deadline);
    throw new AssertionError("no audit entry for package '" + pkg + "' version " + version + " with " + condition
        + " within " + WAIT + "; the audit log:\n" + text());
  }

  /** Waits for the decision on {@code pkg}'s project page. */
  JsonNode awaitPage(String pkg) throws InterruptedException {
    return await(pkg, null, "a page request", entry -> true);
  }

  /** Waits for the entry of a request for {@code fileName} (by its path) that was answered with {@code status}. */
  JsonNode awaitFile(String pkg, String version, String fileName, int status) throws InterruptedException {
    return await(pkg, version, "status " + status + " for " + fileName,
        entry -> entry.path("path").asText("").endsWith("/" + fileName) && entry.path("status").asInt() == status);
  }

  private static void assertWellFormed(JsonNode entry) {
    assertAll("audit entry " + entry,
        () -> assertFalse(entry.path("time").asText("").isBlank(), "time"),
        () -> assertFalse(entry.path("id").asText("").isBlank(), "id"),
        () -> assertEquals("pypi", entry.path("ecosystem").asText(), "ecosystem"),
        () -> assertTrue(List.of("allow", "deny", "would-deny").contains(entry.path("verdict").asText()), "verdict"),
        () -> assertTrue(entry.path("reasons").isArray(), "reasons"),
        () -> assertTrue(entry.path("status").isInt(), "status"),
        () -> assertTrue(entry.path("bytes").canConvertToLong(), "bytes"),
        () -> assertTrue(entry.path("latencyMs").canConvertToLong(), "latencyMs"));
  }

  /** The rules named by an entry's reasons, e.g. {@code [typosquat]}. */
  static List<String> rules(JsonNode entry) {
    List<String> rules = new ArrayList<>();
    entry.path("reasons").forEach(reason -> rules.add(reason.path("rule").asText()));
    return rules;
  }
}
