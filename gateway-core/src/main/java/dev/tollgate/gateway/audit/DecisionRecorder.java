package dev.tollgate.gateway.audit;

import dev.tollgate.gateway.metrics.GatewayMetrics;
import dev.tollgate.gateway.server.Exchange;
import dev.tollgate.policy.decision.Decision;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Writes the audit line for a request's decision, with how the request ended, and counts it in the metrics. */
public final class DecisionRecorder {

  private final AuditLog log;
  private final List<Consumer<AuditEvent>> listeners = new CopyOnWriteArrayList<>();
  private final GatewayMetrics metrics;

  public DecisionRecorder(AuditLog log, GatewayMetrics metrics) {
    this.log = log;
    this.metrics = metrics;
  }

  /** {@code details} with the metadata cache's answer ({@code hit}, {@code miss}, {@code stale}) as {@code cache}. */
  public static Map<String, Object> withCache(Map<String, Object> details, String cache) {
    Map<String, Object> all = new LinkedHashMap<>(details);
    all.put("cache", cache);
    return all;
  }

  public void record(Exchange exchange, String id, Decision decision, int status, Integer upstreamStatus, long bytes,
      Map<String, Object> details) {
    AuditEvent event = new AuditEvent(
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
        details);
    log.record(event);
    count(event);
    listeners.forEach(listener -> listener.accept(event));
  }

  /** Also hands every recorded event to {@code listener}, on the recording thread: it must be quick and not block. */
  public void addListener(Consumer<AuditEvent> listener) {
    listeners.add(listener);
  }

  private void count(AuditEvent event) {
    metrics.decided(event.ecosystem(), event.verdict(), event.reasons().get(0).rule().id());
    Object cache = event.details().get("cache");
    if (cache != null) {
      metrics.cacheAnswered(event.details().containsKey("file") ? "artifact" : "metadata", cache.toString());
    }
    if ("mismatch".equals(event.details().get("integrity"))) {
      metrics.verificationFailed(event.ecosystem());
    }
  }
}
