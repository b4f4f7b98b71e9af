package dev.tollgate.gateway.audit;

import dev.tollgate.gateway.server.Exchange;
import dev.tollgate.policy.decision.Decision;
import java.time.Instant;
import java.util.Map;

/** Writes the audit line for a request's decision, with how the request ended. */
public final class DecisionRecorder {

  private final AuditLog log;

  public DecisionRecorder(AuditLog log) {
    this.log = log;
  }

  public void record(Exchange exchange, String id, Decision decision, int status, Integer upstreamStatus, long bytes,
      Map<String, Object> details) {
    log.record(new AuditEvent(
        Instant.now(),
        id,
        exchange.client(),
        exchange.agent().name(),
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
        details));
  }
}
