package dev.tollgate.gateway.oci;

import dev.tollgate.gateway.agent.AgentPolicies;
import dev.tollgate.adapter.oci.Digest;
import dev.tollgate.adapter.oci.MalformedManifestException;
import dev.tollgate.adapter.oci.ManifestDigests;
import dev.tollgate.adapter.oci.ManifestMediaType;
import dev.tollgate.adapter.oci.ManifestParser;
import dev.tollgate.adapter.oci.OciErrorCode;
import dev.tollgate.adapter.oci.OciRequest;
import dev.tollgate.adapter.oci.ParsedManifest;
import dev.tollgate.adapter.oci.RoutedRepository;
import dev.tollgate.gateway.audit.DecisionIds;
import dev.tollgate.gateway.server.Exchange;
import dev.tollgate.gateway.upstream.UpstreamFailures;
import dev.tollgate.policy.coordinates.ImageCoordinates;
import dev.tollgate.policy.decision.Decision;
import dev.tollgate.policy.decision.Reason;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Serves {@code /v2/<name>/manifests/<tag or digest>} (GET and HEAD): policy decides on the name
 * and reference first, with no upstream request for a refusal; then the manifest is fetched with
 * every {@code Accept} line the client sent, its bytes checked against the digest asked for and the
 * upstream's {@code Docker-Content-Digest}, parsed, passed to the signature check, and only then
 * served — and the blobs it references (or, for an index, the child manifests it lists) become
 * fetchable in its repository.
 *
 * <p>A manifest that passed vouches for its own digest, and an index for its children's: a client
 * that resolved a tag and then fetches by digest (containerd), or fetches an index's platform
 * manifest, is decided on the repository then, not refused because the allow-list names tags.
 */
final class Manifests {

  private final OciMount mount;
  private final OciAnswers answers;
  private final ManifestSignatureCheck signatures;
  private final GrantedContent grants;
  private final ManifestCache cache;

  Manifests(OciMount mount, ManifestSignatureCheck signatures, GrantedContent grants, ManifestCache cache) {
    this.mount = mount;
    this.answers = mount.answers();
    this.signatures = signatures;
    this.grants = grants;
    this.cache = cache;
  }

  void serve(Exchange exchange, OciRequest.Manifest request) {
    String id = DecisionIds.next();
    RoutedRepository repository = request.repository();
    boolean vouched = request.reference() instanceof Digest digest && grants.vouched(repository, digest);
    Decision decision = AgentPolicies.engine(mount.policy(), exchange.agent()).decide(vouched
        ? ImageCoordinates.repository(repository.upstream(), repository.repository()) : request.image());
    Map<String, Object> details = Map.of("reference", request.reference().text());
    if (answers.refused(exchange, id, decision, details)) {
      return;
    }
    List<String> accept = acceptLines(exchange);
    Optional<ManifestCache.Stored> cached = cache.find(repository, request.reference(), accept);
    if (cached.isPresent()) {
      send(exchange, id, cached.get().decision(decision), cached.get(), "hit", null);
      return;
    }
    mount.upstream(repository)
        .fetch(repository, request.upstreamPath(), false, Map.of("Accept", accept), ManifestParser.MAX_SIZE)
        .whenCompleteAsync((response, error) -> exchange.guard("manifest", () -> {
          if (error != null) {
            answers.failUpstream(exchange, id, decision, error, OciErrorCode.MANIFEST_UNKNOWN, details);
          } else {
            received(exchange, id, decision, request, accept, response, details);
          }
        }), mount.workers());
  }

  /**
   * The client's {@code Accept} values, one per media type, as sent (several lines, or one line with
   * commas); the four served manifest types when it sent none.
   */
  private static List<String> acceptLines(Exchange exchange) {
    List<String> values = new ArrayList<>();
    for (String line : exchange.headers("Accept")) {
      for (String value : line.split(",")) {
        if (!value.isBlank()) {
          values.add(value.trim());
        }
      }
    }
    return values.isEmpty() ? ManifestMediaType.acceptValues() : List.copyOf(values);
  }

  private void received(Exchange exchange, String id, Decision decision, OciRequest.Manifest request,
      List<String> accept, HttpResponse<byte[]> response, Map<String, Object> details) {
    int status = response.statusCode();
    if (status == 404) {
      answers.fail(exchange, id, decision, 404, OciErrorCode.MANIFEST_UNKNOWN, "manifest " + request.reference().text()
          + " of " + request.repository().clientRepository() + " is unknown to the upstream", details);
      return;
    }
    if (status != 200) {
      answers.fail(exchange, id, decision, 502, OciErrorCode.MANIFEST_UNKNOWN, "the upstream "
          + request.repository().upstream() + " answered " + status + " for this manifest", details);
      return;
    }
    byte[] bytes = response.body();
    Optional<String> contentType = response.headers().firstValue("Content-Type");
    ParsedManifest parsed;
    try {
      parsed = ManifestParser.parse(bytes, contentType);
    } catch (MalformedManifestException | IllegalArgumentException e) {
      answers.fail(exchange, id, decision, 502, OciErrorCode.MANIFEST_INVALID,
          "the upstream's manifest cannot be served: " + e.getMessage(), details);
      return;
    }
    Digest digest;
    try {
      digest = ManifestDigests.verify(bytes, request.reference(),
          response.headers().firstValue(ManifestDigests.HEADER));
    } catch (MalformedManifestException e) {
      answers.fail(exchange, id, decision, 502, OciErrorCode.MANIFEST_INVALID, e.getMessage() + "; nothing was served",
          details);
      return;
    }
    ManifestCache.Stored stored = new ManifestCache.Stored(bytes,
        contentType.orElse(parsed.mediaType().value()), digest, parsed, List.of());
    if (grants.vouched(request.repository(), digest)) {
      accept(exchange, id, decision, request, accept, stored);
      return;
    }
    signatures.check(request.repository(), parsed, bytes, decision)
        .whenCompleteAsync((verdict, error) -> exchange.guard("manifest signature", () -> {
          if (error != null) {
            answers.fail(exchange, id, decision, 502, OciErrorCode.DENIED,
                "the signature check could not be made: " + UpstreamFailures.cause(error).getMessage(), details);
          } else if (!verdict.permits()) {
            answers.refuse(exchange, id, verdict, OciAnswers.with(details, "digest", digest.text()));
          } else {
            List<Reason> checks = verdict.reasons().stream().filter(r -> !decision.reasons().contains(r)).toList();
            accept(exchange, id, verdict, request, accept, new ManifestCache.Stored(stored.bytes(),
                stored.contentType(), stored.digest(), stored.parsed(), checks));
          }
        }), mount.workers());
  }

  private void accept(Exchange exchange, String id, Decision decision, OciRequest.Manifest request,
      List<String> accept, ManifestCache.Stored stored) {
    if (stored.parsed() instanceof ParsedManifest.ImageManifest image) {
      grants.grantBlobs(request.repository(),
          Stream.concat(Stream.of(image.config()), image.layers().stream()).toList());
    } else if (stored.parsed() instanceof ParsedManifest.ImageIndex index) {
      grants.vouchForManifests(request.repository(), index.childDigests());
    }
    grants.vouchForManifests(request.repository(), List.of(stored.digest()));
    cache.put(request.repository(), request.reference(), accept, stored);
    send(exchange, id, decision, stored, "miss", 200);
  }

  private void send(Exchange exchange, String id, Decision decision, ManifestCache.Stored stored, String cacheState,
      Integer upstreamStatus) {
    HttpHeaders headers = OciResponses.headers()
        .set(ManifestDigests.HEADER, stored.digest().text())
        .set("X-Tollgate-Cache", cacheState);
    if (exchange.respond(HttpResponseStatus.OK, stored.contentType(), stored.bytes(), headers)) {
      answers.served(exchange, id, decision, upstreamStatus, exchange.isHead() ? 0 : stored.bytes().length,
          Map.of("digest", stored.digest().text(), "mediaType", stored.parsed().mediaType().value(),
              "cache", cacheState));
    }
  }
}
