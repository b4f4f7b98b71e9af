package dev.tollgate.gateway.oci;

import dev.tollgate.gateway.agent.AgentPolicies;
import dev.tollgate.adapter.oci.OciErrorCode;
import dev.tollgate.adapter.oci.OciRequest;
import dev.tollgate.gateway.audit.DecisionIds;
import dev.tollgate.gateway.server.Exchange;
import dev.tollgate.policy.decision.Decision;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.List;
import java.util.Map;

/**
 * Serves {@code /v2/<name>/tags/list}: the upstream's list for a repository policy admits, passed
 * on unchanged (with {@code n} and {@code last}). The upstream's {@code Link} to the next page names
 * the upstream's path, so it is passed on only where the client uses the same repository name.
 */
final class TagLists {

  private final OciMount mount;
  private final OciAnswers answers;
  private final long maxBytes;

  TagLists(OciMount mount, long maxBytes) {
    this.mount = mount;
    this.answers = mount.answers();
    this.maxBytes = maxBytes;
  }

  void serve(Exchange exchange, OciRequest.TagList request) {
    String id = DecisionIds.next();
    Decision decision = AgentPolicies.engine(mount.policy(), exchange.agent()).decide(request.image());
    Map<String, Object> details = Map.of("endpoint", "tags/list");
    if (answers.refused(exchange, id, decision, details)) {
      return;
    }
    mount.upstream(request.repository())
        .fetch(request.repository(), request.upstreamPath(), false, Map.of("Accept", List.of("application/json")),
            maxBytes)
        .whenCompleteAsync((response, error) -> exchange.guard("tags list", () -> {
          if (error != null) {
            answers.failUpstream(exchange, id, decision, error, OciErrorCode.NAME_UNKNOWN, details);
          } else if (response.statusCode() == 404) {
            answers.fail(exchange, id, decision, 404, OciErrorCode.NAME_UNKNOWN,
                request.repository().clientRepository() + " is unknown to the upstream", details);
          } else if (response.statusCode() != 200) {
            answers.fail(exchange, id, decision, 502, OciErrorCode.NAME_UNKNOWN,
                "the upstream answered " + response.statusCode() + " for the tag list", details);
          } else {
            var headers = OciResponses.headers();
            if (request.repository().repository().equals(request.repository().clientRepository())) {
              response.headers().firstValue("Link").ifPresent(link -> headers.set("Link", link));
            }
            if (exchange.respond(HttpResponseStatus.OK, "application/json", response.body(), headers)) {
              answers.served(exchange, id, decision, 200, response.body().length, details);
            }
          }
        }), mount.workers());
  }
}
