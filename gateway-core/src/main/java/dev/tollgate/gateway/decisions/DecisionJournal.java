package dev.tollgate.gateway.decisions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.gateway.audit.AuditEvent;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The most recent decisions, in memory and bounded, so the admin API can filter them without reading
 * the audit log; a decision older than the journal is looked up by id in the audit log file.
 * Recording is a constant-time append under a short lock: it runs on request threads.
 */
public final class DecisionJournal implements Consumer<AuditEvent> {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final int capacity;
  private final Path auditLog;
  private final ArrayDeque<AuditEvent> events;

  /** A journal of the last {@code capacity} decisions, backed by {@code auditLog} for older ones. */
  public DecisionJournal(int capacity, Path auditLog) {
    this.capacity = capacity;
    this.auditLog = auditLog;
    this.events = new ArrayDeque<>(capacity);
  }

  @Override
  public void accept(AuditEvent event) {
    synchronized (events) {
      if (events.size() == capacity) {
        events.removeFirst();
      }
      events.addLast(event);
    }
  }

  /** Up to {@code limit} journal decisions that pass {@code filter}, newest first. */
  public List<RecentDecision> find(DecisionFilter filter, int limit) {
    List<AuditEvent> newestFirst = new ArrayList<>();
    synchronized (events) {
      events.descendingIterator().forEachRemaining(newestFirst::add);
    }
    List<RecentDecision> found = new ArrayList<>();
    for (Iterator<AuditEvent> it = newestFirst.iterator(); it.hasNext() && found.size() < limit; ) {
      RecentDecision decision = RecentDecision.of(it.next());
      if (filter.test(decision)) {
        found.add(decision);
      }
    }
    return found;
  }

  /** The decision with {@code id}: from the journal, else from the audit log (read line by line). */
  public Optional<RecentDecision> byId(String id) throws IOException {
    synchronized (events) {
      for (AuditEvent event : events) {
        if (event.id().equals(id)) {
          return Optional.of(RecentDecision.of(event));
        }
      }
    }
    if (!Files.exists(auditLog)) {
      return Optional.empty();
    }
    String quoted = "\"" + id + "\"";
    try (BufferedReader lines = Files.newBufferedReader(auditLog, StandardCharsets.UTF_8)) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        Optional<JsonNode> parsed = line.contains(quoted) ? parse(line) : Optional.empty();
        if (parsed.isPresent() && id.equals(parsed.get().path("id").asText())) {
          return Optional.of(RecentDecision.of(parsed.get()));
        }
      }
    }
    return Optional.empty();
  }

  /** A line cut short by a crash is skipped, not an error. */
  private static Optional<JsonNode> parse(String line) {
    try {
      return Optional.of(JSON.readTree(line));
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }
}
