package dev.tollgate.gateway.oci;

import dev.tollgate.gateway.agent.AgentPolicies;
import dev.tollgate.adapter.oci.Descriptor;
import dev.tollgate.adapter.oci.MalformedManifestException;
import dev.tollgate.adapter.oci.ManifestMediaType;
import dev.tollgate.adapter.oci.ManifestParser;
import dev.tollgate.adapter.oci.OciErrorCode;
import dev.tollgate.adapter.oci.OciRequest;
import dev.tollgate.adapter.oci.ParsedManifest;
import dev.tollgate.adapter.oci.ReferrersIndex;
import dev.tollgate.gateway.audit.DecisionIds;
import dev.tollgate.gateway.server.Exchange;
import dev.tollgate.policy.decision.Decision;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

/**
 * Serves {@code /v2/<name>/referrers/<digest>}: the upstream's referrers API where it has one, else
 * the distribution spec's fallback — the index kept under the tag {@code sha256-<hex>} — and an
 * empty index when neither exists. Either way the answer is rebuilt from the descriptors it lists,
 * so the {@code artifactType} filter is applied (and said to be) even where the upstream cannot.
 */
final class Referrers {

  private final OciMount mount;
  private final OciAnswers answers;

  Referrers(OciMount mount) {
    this.mount = mount;
    this.answers = mount.answers();
  }

  void serve(Exchange exchange, OciRequest.Referrers request) {
    String id = DecisionIds.next();
    Decision decision = AgentPolicies.engine(mount.policy(), exchange.agent()).decide(request.image());
    Map<String, Object> details = Map.of("endpoint", "referrers", "subject", request.subject().text());
    if (answers.refused(exchange, id, decision, details)) {
      return;
    }
    mount.upstream(request.repository()).referrers(request.repository(), request.upstreamPath(), request.subject())
        .whenCompleteAsync((response, error) -> exchange.guard("referrers", () -> {
          if (error != null) {
            answers.failUpstream(exchange, id, decision, error, OciErrorCode.NAME_UNKNOWN, details);
          } else {
            answer(exchange, id, decision, request, response, details);
          }
        }), mount.workers());
  }

  private void answer(Exchange exchange, String id, Decision decision, OciRequest.Referrers request,
      HttpResponse<byte[]> response, Map<String, Object> details) {
    List<Descriptor> referrers;
    if (response.statusCode() == 404) {
      referrers = List.of();
    } else if (response.statusCode() != 200) {
      answers.fail(exchange, id, decision, 502, OciErrorCode.NAME_UNKNOWN,
          "the upstream answered " + response.statusCode() + " for the referrers of " + request.subject().text(),
          details);
      return;
    } else {
      try {
        ParsedManifest parsed = ManifestParser.parse(response.body(), response.headers().firstValue("Content-Type"));
        if (!(parsed instanceof ParsedManifest.ImageIndex index)) {
          throw new MalformedManifestException("an image manifest where an index of referrers belongs");
        }
        referrers = index.manifests();
      } catch (MalformedManifestException | IllegalArgumentException e) {
        answers.fail(exchange, id, decision, 502, OciErrorCode.MANIFEST_INVALID,
            "the upstream's referrers index cannot be read: " + e.getMessage(), details);
        return;
      }
    }
    byte[] body = ReferrersIndex.fromDescriptors(referrers, request.artifactType());
    HttpHeaders headers = OciResponses.headers();
    if (request.artifactType().isPresent()) {
      headers.set(ReferrersIndex.FILTERS_APPLIED_HEADER, "artifactType");
    }
    if (exchange.respond(HttpResponseStatus.OK, ManifestMediaType.OCI_INDEX.value(), body, headers)) {
      answers.served(exchange, id, decision, response.statusCode(), body.length, details);
    }
  }
}
