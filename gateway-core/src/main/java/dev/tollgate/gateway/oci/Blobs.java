package dev.tollgate.gateway.oci;

import dev.tollgate.gateway.agent.AgentPolicies;
import dev.tollgate.adapter.oci.OciErrorCode;
import dev.tollgate.adapter.oci.OciRequest;
import dev.tollgate.adapter.oci.RoutedRepository;
import dev.tollgate.gateway.artifact.ArtifactDelivery;
import dev.tollgate.gateway.audit.DecisionIds;
import dev.tollgate.gateway.server.Exchange;
import dev.tollgate.policy.decision.Decision;
import dev.tollgate.policy.decision.Reason;
import dev.tollgate.policy.decision.Rule;
import dev.tollgate.policy.decision.Verdict;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Serves {@code /v2/<name>/blobs/<digest>} (GET and HEAD): only a blob that a manifest which passed
 * policy in the same repository references, streamed through the digest check (sha256 or sha512;
 * a mismatch cuts the response short and caches nothing), from the verified cache when it holds it.
 * Upstream redirects (to a CDN) are followed, for blobs only.
 */
final class Blobs {

  private static final ArtifactDelivery.ErrorResponder OCI_ERRORS =
      (exchange, status, message) -> OciResponses.error(exchange, status, OciErrorCode.BLOB_UNKNOWN, message);

  private final OciMount mount;
  private final OciAnswers answers;
  private final GrantedContent grants;
  private final ArtifactDelivery delivery;

  Blobs(OciMount mount, GrantedContent grants, ArtifactDelivery delivery) {
    this.mount = mount;
    this.answers = mount.answers();
    this.grants = grants;
    this.delivery = delivery;
  }

  void serve(Exchange exchange, OciRequest.Blob request) {
    String id = DecisionIds.next();
    RoutedRepository repository = request.repository();
    Decision decision = AgentPolicies.engine(mount.policy(), exchange.agent()).decide(request.image());
    Map<String, Object> details = Map.of("digest", request.digest().text());
    if (answers.refused(exchange, id, decision, details)) {
      return;
    }
    OptionalLong size = grants.blobSize(repository, request.digest());
    if (size.isEmpty()) {
      answers.refuse(exchange, id, unreferenced(decision, request), details);
      return;
    }
    RegistryUpstream upstream = mount.upstream(repository);
    upstream.downloadHeaders(repository).whenCompleteAsync((headers, error) -> exchange.guard("blob", () -> {
      if (error != null) {
        answers.failUpstream(exchange, id, decision, error, OciErrorCode.BLOB_UNKNOWN, details);
        return;
      }
      delivery.deliver(exchange, id, decision, new ArtifactDelivery.Artifact(request.digest().text(),
          upstream.uri(request.upstreamPath()), request.digest().algorithm().id(), request.digest().hex(),
          size.getAsLong(), "application/octet-stream", upstream.allowsHttp(),
          Map.of("repository", repository.imageName()), headers), OCI_ERRORS);
    }), mount.workers());
  }

  /** The refusal of a blob no allowed manifest in its repository references: always enforced. */
  private static Decision unreferenced(Decision nameDecision, OciRequest.Blob request) {
    return new Decision(nameDecision.subject(), Verdict.DENY, List.of(new Reason(Rule.UNREFERENCED_BLOB,
        "blob " + request.digest().text() + " is not referenced by any manifest Tollgate allowed in "
            + request.repository().clientRepository() + " (pull the image by its tag or digest)",
        Map.of("digest", request.digest().text()))));
  }
}
