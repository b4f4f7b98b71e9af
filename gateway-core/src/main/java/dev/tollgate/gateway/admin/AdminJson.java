package dev.tollgate.gateway.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.gateway.audit.AuditEvent;
import dev.tollgate.gateway.decisions.RecentDecision;
import dev.tollgate.gateway.policy.ReloadStatus;
import dev.tollgate.gateway.policy.edit.PolicyListing;
import dev.tollgate.policy.decision.Decision;
import dev.tollgate.policy.decision.Reason;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The admin API's JSON documents, written field by field so that their shape is visible in one place. */
final class AdminJson {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private AdminJson() {}

  static ObjectNode status(ReloadStatus status, Map<String, Path> sets) {
    ObjectNode node = JSON.objectNode()
        .put("state", status.degraded() ? "degraded" : "ok")
        .put("reloads", status.reloads())
        .put("reloadErrors", status.reloadErrors())
        .put("lastSuccess", status.lastSuccess().toString());
    node.put("lastError", status.lastError().orElse(null));
    node.put("lastErrorAt", status.lastErrorAt().map(Object::toString).orElse(null));
    ObjectNode setNode = node.putObject("policySets");
    new TreeMap<>(sets).forEach((name, dir) -> setNode.put(name, dir.toString()));
    return node;
  }

  static ObjectNode listing(String set, String ecosystem, String list, PolicyListing listing) {
    ObjectNode node = JSON.objectNode().put("set", set).put("ecosystem", ecosystem).put("list", list)
        .put("etag", listing.etag());
    ArrayNode entries = node.putArray("entries");
    for (PolicyListing.Entry e : listing.entries()) {
      ObjectNode entry = entries.addObject().put("name", e.name()).put("version", e.version()).put("note", e.note());
      entry.put("expires", e.expires().orElse(null));
      entry.put("line", e.line());
    }
    listing.reloadError().ifPresent(error -> node.put("reloadError", error));
    return node;
  }

  static ObjectNode decision(String set, Decision decision) {
    ObjectNode node = JSON.objectNode()
        .put("set", set)
        .put("ecosystem", decision.subject().ecosystem().id())
        .put("package", decision.subject().name());
    node.put("version", decision.subject().version().orElse(null));
    node.put("verdict", AuditEvent.verdictOf(decision));
    ArrayNode reasons = node.putArray("reasons");
    for (Reason r : decision.reasons()) {
      ObjectNode reason = reasons.addObject().put("rule", r.rule().id()).put("message", r.message());
      ObjectNode details = reason.putObject("details");
      new TreeMap<>(r.details()).forEach(details::put);
    }
    return node;
  }

  static ObjectNode decisions(List<RecentDecision> found) {
    ObjectNode node = JSON.objectNode();
    ArrayNode list = node.putArray("decisions");
    found.forEach(d -> list.add(recent(d)));
    return node;
  }

  static ObjectNode recent(RecentDecision d) {
    ObjectNode node = JSON.objectNode().put("id", d.id()).put("time", d.time().toString());
    node.put("agent", d.agent().orElse(null));
    node.put("ecosystem", d.ecosystem()).put("package", d.packageName());
    node.put("version", d.version().orElse(null));
    node.put("verdict", d.verdict());
    ArrayNode reasons = node.putArray("reasons");
    d.reasons().forEach(r -> reasons.addObject().put("rule", r.rule()).put("message", r.message()));
    node.put("client", d.client()).put("status", d.status());
    return node;
  }
}
