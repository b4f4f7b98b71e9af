package dev.tollgate.gateway.audit;

import dev.tollgate.gateway.server.Exchange;
import dev.tollgate.policy.decision.Decision;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Writes the audit line for a request's decision, with how the request ended. */
public final class DecisionRecorder {

  private final AuditLog log;
  private final List<Consumer<AuditEvent>> listeners = new CopyOnWriteArrayList<>();

  public DecisionRecorder(AuditLog log) {
    this.log = log;
  }

  public void record(Exchange exchange, String id, Decision decision, int status, Integer upstreamStatus, long bytes,
      Map<String, Object> details) {
    AuditEvent event = new AuditEvent(
        Instant.now(),
        id,
        exchange.client(),
        exchange.method().name(),
        exchange.uri(),
        decision.subject().ecosystem().id(),
        decision.subject().name(),
        decision.subject().version().orElse(null),
        AuditEvent.verdictOf(decision),
        decision.reasons(),
        status,
        upstreamStatus,
        bytes,
        exchange.elapsedMillis(),
        details);
    log.record(event);
    listeners.forEach(listener -> listener.accept(event));
  }

  /** Also hands every recorded event to {@code listener}, on the recording thread: it must be quick and not block. */
  public void addListener(Consumer<AuditEvent> listener) {
    listeners.add(listener);
  }
}
