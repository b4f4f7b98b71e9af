package dev.tollgate.gateway.audit;

import dev.tollgate.policy.decision.Decision;
import dev.tollgate.policy.decision.Reason;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One line of the audit log: a decision, the request it was made for, and how the request ended.
 * The field names are the log's stable schema (see the README).
 */
public record AuditEvent(
    Instant time,
    String id,
    String client,
    String agent,
    String method,
    String path,
    String ecosystem,
    String packageName,
    String version,
    String verdict,
    List<Reason> reasons,
    int status,
    Integer upstreamStatus,
    long bytes,
    long latencyMs,
    Map<String, Object> details) {

  public AuditEvent {
    reasons = List.copyOf(reasons);
    details = details == null ? Map.of() : Map.copyOf(details);
  }

  /** The verdict as the log spells it: {@code allow}, {@code deny}, {@code would-deny}. */
  public static String verdictOf(Decision decision) {
    return decision.verdict().name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
