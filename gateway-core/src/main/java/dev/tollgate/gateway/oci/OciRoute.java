package dev.tollgate.gateway.oci;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.tollgate.adapter.oci.OciErrorCode;
import dev.tollgate.adapter.oci.OciErrors;
import dev.tollgate.adapter.oci.OciPaths;
import dev.tollgate.adapter.oci.OciRequest;
import dev.tollgate.adapter.oci.OciUpstream;
import dev.tollgate.adapter.oci.UpstreamRouting;
import dev.tollgate.gateway.artifact.ArtifactDelivery;
import dev.tollgate.gateway.audit.DecisionRecorder;
import dev.tollgate.gateway.config.GatewayConfig;
import dev.tollgate.gateway.config.OciConfig;
import dev.tollgate.gateway.policy.PolicyHolder;
import dev.tollgate.gateway.server.Exchange;
import dev.tollgate.gateway.signature.ImageSignatures;
import dev.tollgate.gateway.server.Route;
import dev.tollgate.gateway.upstream.UpstreamClient;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The OCI mount, {@code /v2/}: docker, containerd, podman and skopeo use the gateway as a registry
 * mirror. Turns the raw URI into a typed, routed request (bad input is answered 400 here, before any
 * upstream request) and hands it to the manifest, blob, tag-list or referrers service. The gateway
 * is read-only: pushes and deletes get {@code UNSUPPORTED}. Errors are OCI {@code errors} bodies,
 * which the clients print.
 */
public final class OciRoute implements Route {

  static final String MOUNT = "/v2/";

  private final UpstreamRouting routing;
  private final Manifests manifests;
  private final Blobs blobs;
  private final TagLists tags;
  private final Referrers referrers;

  /** What cached manifests were checked under when no signature policy is enforced: it never changes. */
  private static final Object NO_SIGNATURE_POLICY = new Object();

  /**
   * A mount for the upstreams of {@code config.oci()}; with {@code signatures}, every manifest an
   * image signature rule covers is served only once its signatures verify.
   */
  public OciRoute(GatewayConfig config, PolicyHolder policy, Optional<ImageSignatures> signatures,
      UpstreamClient http, DecisionRecorder audit, ArtifactDelivery delivery, Executor workers) {
    OciConfig oci = config.oci();
    this.routing = new UpstreamRouting(oci.upstreams().stream()
        .map(u -> new OciUpstream(u.key(), u.aliases(), u.pathPrefix(), u.dockerHub())).toList(), oci.defaultKey());
    TokenCache tokens = new TokenCache(Ticker.systemTicker());
    Map<String, RegistryUpstream> upstreams = new LinkedHashMap<>();
    for (OciConfig.Upstream upstream : oci.upstreams()) {
      upstreams.put(upstream.key(), new RegistryUpstream(upstream, http, tokens));
    }
    OciMount mount = new OciMount(upstreams, policy, new OciAnswers(audit), workers);
    GrantedContent grants = new GrantedContent();
    ManifestSignatureCheck check = signatures.<ManifestSignatureCheck>map(s -> new SignatureGate(s.policy(),
        new UpstreamSignatures(mount), s.verifier(), workers, Ticker.systemTicker())).orElse(ManifestSignatureCheck.NONE);
    this.manifests = new Manifests(mount, check, grants,
        new ManifestCache(config.cache().metadataMaxBytes() / 8, config.cache().metadataTtl(),
            signatures.<Supplier<?>>map(ImageSignatures::policy).orElse(() -> NO_SIGNATURE_POLICY)));
    this.blobs = new Blobs(mount, grants, delivery);
    this.tags = new TagLists(mount, config.upstream().maxMetadataBytes());
    this.referrers = new Referrers(mount);
  }

  @Override
  public String prefix() {
    return MOUNT;
  }

  @Override
  public ErrorBody errorBody(String message) {
    return new ErrorBody(OciErrors.CONTENT_TYPE, OciErrors.body(OciErrorCode.UNSUPPORTED, message));
  }

  @Override
  public void serve(Exchange exchange) {
    OciRequest request = OciPaths.parse(exchange.uri(), routing);
    if (request instanceof OciRequest.Ping) {
      exchange.respond(HttpResponseStatus.OK, OciErrors.CONTENT_TYPE, "{}".getBytes(StandardCharsets.UTF_8),
          OciResponses.headers());
    } else if (request instanceof OciRequest.Rejected r) {
      OciResponses.error(exchange, 400, r.code(), r.reason());
    } else if (request instanceof OciRequest.Unsupported r) {
      OciResponses.error(exchange, OciErrorCode.UNSUPPORTED, r.reason());
    } else if (request instanceof OciRequest.NoUpstream r) {
      OciResponses.error(exchange, OciErrorCode.NAME_UNKNOWN, r.reason());
    } else if (request instanceof OciRequest.Manifest r) {
      manifests.serve(exchange, r);
    } else if (request instanceof OciRequest.Blob r) {
      blobs.serve(exchange, r);
    } else if (request instanceof OciRequest.TagList r) {
      tags.serve(exchange, r);
    } else if (request instanceof OciRequest.Referrers r) {
      referrers.serve(exchange, r);
    }
  }
}
