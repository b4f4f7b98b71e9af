package dev.tollgate.gateway.oci;

import dev.tollgate.adapter.oci.OciErrorCode;
import dev.tollgate.gateway.audit.DecisionRecorder;
import dev.tollgate.gateway.audit.Refusals;
import dev.tollgate.gateway.server.Exchange;
import dev.tollgate.gateway.upstream.UpstreamFailures;
import dev.tollgate.policy.decision.Decision;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a decided OCI request ends, answered and audited in one step, so that no answer goes out
 * without its audit line: a refusal ({@code DENIED} with the reasons and the decision's ref), a
 * failure (upstream down, a digest that does not match), or a success.
 */
final class OciAnswers {

  private final DecisionRecorder audit;

  OciAnswers(DecisionRecorder audit) {
    this.audit = audit;
  }

  /** Refuses with 403 {@code DENIED}: what was refused, why, what to do, and the ref. */
  void refuse(Exchange exchange, String id, Decision decision, Map<String, Object> details) {
    if (OciResponses.error(exchange, OciErrorCode.DENIED, Refusals.message(decision, id))) {
      audit.record(exchange, id, decision, 403, null, 0, details);
    }
  }

  /** Refuses (as {@link #refuse}) when {@code decision} does not permit; true if it refused. */
  boolean refused(Exchange exchange, String id, Decision decision, Map<String, Object> details) {
    if (decision.permits()) {
      return false;
    }
    refuse(exchange, id, decision, details);
    return true;
  }

  /** Answers a request that policy allowed but that cannot be served, saying why. */
  void fail(Exchange exchange, String id, Decision decision, int status, OciErrorCode code, String why,
      Map<String, Object> details) {
    if (OciResponses.error(exchange, status, code, why)) {
      audit.record(exchange, id, decision, status, null, 0, with(details, "error", why));
    }
  }

  /** As {@link #fail}, for an upstream that could not be reached or answered in time (502, 504). */
  void failUpstream(Exchange exchange, String id, Decision decision, Throwable error, OciErrorCode code,
      Map<String, Object> details) {
    fail(exchange, id, decision, UpstreamFailures.status(error), code, UpstreamFailures.describe(error), details);
  }

  /** Audits a request that was answered 200 with {@code bytes} of body. */
  void served(Exchange exchange, String id, Decision decision, Integer upstreamStatus, long bytes,
      Map<String, Object> details) {
    audit.record(exchange, id, decision, 200, upstreamStatus, bytes, details);
  }

  static Map<String, Object> with(Map<String, Object> details, String key, Object value) {
    Map<String, Object> all = new LinkedHashMap<>(details);
    all.put(key, value);
    return all;
  }
}
