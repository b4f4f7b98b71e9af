package dev.tollgate.gateway.decisions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.gateway.audit.AuditEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A decision as the admin API shows it: enough to judge it and to turn it into an allow-list entry.
 * Made from a fresh audit event, or from a line of the audit log for decisions older than the journal.
 *
 * @param agent the agent that asked, when the request carried an agent identity (audit field {@code agent})
 */
public record RecentDecision(
    String id,
    Instant time,
    Optional<String> agent,
    String ecosystem,
    String packageName,
    Optional<String> version,
    String verdict,
    List<Reason> reasons,
    String client,
    int status) {

  /** A reason: its rule id and sentence. */
  public record Reason(String rule, String message) {}

  public RecentDecision {
    reasons = List.copyOf(reasons);
  }

  /** Whether the request was refused, or would have been in audit mode. */
  public boolean refused() {
    return "deny".equals(verdict) || "would-deny".equals(verdict);
  }

  static RecentDecision of(AuditEvent e) {
    return new RecentDecision(e.id(), e.time(), Optional.ofNullable(e.agent()), e.ecosystem(),
        e.packageName(), Optional.ofNullable(e.version()), e.verdict(),
        e.reasons().stream().map(r -> new Reason(r.rule().id(), r.message())).toList(), e.client(), e.status());
  }

  /** From one parsed audit log line (the log's documented schema). */
  static RecentDecision of(JsonNode line) {
    List<Reason> reasons = new ArrayList<>();
    line.path("reasons").forEach(r -> reasons.add(new Reason(r.path("rule").asText(), r.path("message").asText())));
    return new RecentDecision(line.path("id").asText(), Instant.parse(line.path("time").asText()),
        text(line.path("agent")), line.path("ecosystem").asText(),
        line.path("package").asText(), text(line.path("version")), line.path("verdict").asText(), reasons,
        line.path("client").asText(), line.path("status").asInt());
  }

  private static Optional<String> text(JsonNode node) {
    return node.isTextual() ? Optional.of(node.asText()) : Optional.empty();
  }
}
