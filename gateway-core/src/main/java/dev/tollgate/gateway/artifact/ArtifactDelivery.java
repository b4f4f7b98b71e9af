package dev.tollgate.gateway.artifact;

import dev.tollgate.gateway.audit.DecisionRecorder;
import dev.tollgate.gateway.cache.ArtifactStore;
import dev.tollgate.gateway.server.Exchange;
import dev.tollgate.gateway.upstream.UpstreamClient;
import dev.tollgate.gateway.upstream.UpstreamFailures;
import dev.tollgate.policy.decision.Decision;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers an artifact that policy allowed, for every ecosystem: from the verified cache when it
 * holds the digest, else streamed from the upstream through the digest check (and kept only when
 * it matched). Audits how the delivery ended. Call it off the event loop (it touches the disk).
 */
public final class ArtifactDelivery {

  private static final Logger LOG = Logger.getLogger(ArtifactDelivery.class.getName());

  /** Answers a failed request in the ecosystem's own error format; false if already answered. */
  @FunctionalInterface
  public interface ErrorResponder {
    boolean respond(Exchange exchange, int status, String message);
  }

  /**
   * One artifact to deliver.
   *
   * @param name the file name, for messages and the audit log
   * @param url where the upstream serves it
   * @param algorithm the digest algorithm ({@code sha1}, {@code sha256}, {@code sha384}, {@code sha512})
   * @param hex the expected digest, lower-case hex
   * @param size the declared size, or -1
   * @param allowHttp whether redirects may lead to plain http (only when the upstream itself is http)
   * @param auditDetails more facts for the audit line (e.g. that the version is deprecated)
   * @param upstreamHeaders headers for the upstream's own host (a registry's {@code Authorization})
   */
  public record Artifact(String name, URI url, String algorithm, String hex, long size, String contentType,
      boolean allowHttp, Map<String, Object> auditDetails, Map<String, List<String>> upstreamHeaders) {
    public Artifact {
      auditDetails = Map.copyOf(auditDetails);
      upstreamHeaders = Map.copyOf(upstreamHeaders);
    }

    /** An artifact the upstream serves without extra headers. */
    public Artifact(String name, URI url, String algorithm, String hex, long size, String contentType,
        boolean allowHttp, Map<String, Object> auditDetails) {
      this(name, url, algorithm, hex, size, contentType, allowHttp, auditDetails, Map.of());
    }

    /** The audit details of a delivery: the file name, these details, and {@code more}. */
    Map<String, Object> details(Map<String, Object> more) {
      Map<String, Object> all = new LinkedHashMap<>(auditDetails);
      all.put("file", name);
      all.putAll(more);
      return all;
    }
  }

  private final UpstreamClient upstream;
  private final ArtifactStore artifacts;
  private final DecisionRecorder audit;

  public ArtifactDelivery(UpstreamClient upstream, ArtifactStore artifacts, DecisionRecorder audit) {
    this.upstream = upstream;
    this.artifacts = artifacts;
    this.audit = audit;
  }

  public void deliver(Exchange exchange, String id, Decision decision, Artifact artifact, ErrorResponder errors) {
    Optional<Path> cached = artifacts.find(artifact.algorithm(), artifact.hex());
    if (cached.isPresent()) {
      try {
        long bytes = CachedArtifactResponse.send(exchange, cached.get(), artifact.contentType(), headers("hit"));
        audit.record(exchange, id, decision, 200, null, bytes, artifact.details(Map.of("cache", "hit")));
        return;
      } catch (IOException e) {
        LOG.log(Level.WARNING, "cannot serve cached " + cached.get() + "; fetching again", e);
      }
    }
    if (exchange.isHead()) {
      exchange.respondHead(artifact.contentType(), artifact.size(), headers("miss"));
      audit.record(exchange, id, decision, 200, null, 0, artifact.details(Map.of()));
      return;
    }
    stream(exchange, id, decision, artifact, errors);
  }

  private void stream(Exchange exchange, String id, Decision decision, Artifact artifact, ErrorResponder errors) {
    ArtifactStore.Staging staging;
    try {
      staging = artifacts.stage();
    } catch (IOException e) {
      LOG.log(Level.WARNING, "cannot stage a download for the cache; serving without caching", e);
      staging = null;
    }
    ArtifactStore.Staging stagingOrNull = staging;
    ChannelArtifactDownstream downstream = new ChannelArtifactDownstream(
        exchange, artifact.contentType(), headers("miss"), upstream.readTimeout());
    VerifyingRelay relay = new VerifyingRelay(artifact.algorithm(), artifact.hex(), artifact.size(), staging,
        downstream, outcome -> recordOutcome(exchange, id, decision, artifact, outcome));
    upstream.download(artifact.url(), artifact.allowHttp(), artifact.upstreamHeaders(), info -> {
      downstream.begin(info.headers().firstValueAsLong("Content-Length").orElse(-1),
          () -> relay.cancel("download cancelled"));
      return relay;
    }).whenComplete((response, error) -> {
      if (error == null && response.statusCode() == 200) {
        return;
      }
      if (stagingOrNull != null) {
        stagingOrNull.discard();
      }
      int status = error != null ? UpstreamFailures.status(error) : response.statusCode() == 404 ? 404 : 502;
      String why = error != null ? UpstreamFailures.describe(error)
          : "the upstream answered " + response.statusCode() + " for " + artifact.name();
      fail(exchange, id, decision, status, why, artifact.name(), errors);
    });
  }

  /** Answers a request that cannot be delivered, and audits it. */
  public void fail(Exchange exchange, String id, Decision decision, int status, String why, String name,
      ErrorResponder errors) {
    if (errors.respond(exchange, status, why)) {
      audit.record(exchange, id, decision, status, null, 0, Map.of("file", name, "error", why));
    }
  }

  private void recordOutcome(Exchange exchange, String id, Decision decision, Artifact artifact, RelayOutcome outcome) {
    if (outcome.verified()) {
      audit.record(exchange, id, decision, 200, 200, outcome.bytes(), artifact.details(Map.of("cache", "miss")));
    } else {
      LOG.warning("download of " + artifact.name() + " aborted: " + outcome.failure().orElse("?"));
      Map<String, Object> failure = outcome.mismatch()
          ? Map.of("aborted", outcome.failure().orElse(""), "integrity", "mismatch")
          : Map.of("aborted", outcome.failure().orElse(""));
      audit.record(exchange, id, decision, 200, 200, outcome.bytes(), artifact.details(failure));
    }
  }

  private static HttpHeaders headers(String cache) {
    return new DefaultHttpHeaders().set("X-Tollgate-Cache", cache);
  }
}
