package dev.tollgate.gateway.pypi;

import dev.tollgate.adapter.pypi.DistributionFile;
import dev.tollgate.adapter.pypi.DistributionFilename;
import dev.tollgate.gateway.artifact.CachedArtifactResponse;
import dev.tollgate.gateway.artifact.ChannelArtifactDownstream;
import dev.tollgate.gateway.artifact.RelayOutcome;
import dev.tollgate.gateway.artifact.VerifyingRelay;
import dev.tollgate.gateway.audit.DecisionIds;
import dev.tollgate.gateway.audit.Refusals;
import dev.tollgate.gateway.cache.ArtifactStore;
import dev.tollgate.gateway.config.GatewayConfig;
import dev.tollgate.gateway.policy.PolicyHolder;
import dev.tollgate.gateway.server.Exchange;
import dev.tollgate.gateway.upstream.UpstreamClient;
import dev.tollgate.gateway.upstream.UpstreamFailures;
import dev.tollgate.policy.coordinates.Ecosystem;
import dev.tollgate.policy.coordinates.PackageCoordinates;
import dev.tollgate.policy.decision.Decision;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Serves {@code /pypi/files/<project>/<file>} and its PEP 658 {@code .metadata}: decides on the
 * version first (a refused file never causes an upstream request), then finds the file in the
 * upstream page to learn its URL and sha256, and serves it from the verified cache or streams it
 * from upstream through the digest check.
 */
final class DistributionFiles {

  private static final Logger LOG = Logger.getLogger(DistributionFiles.class.getName());

  private final UpstreamIndex index;
  private final PolicyHolder policy;
  private final UpstreamClient upstream;
  private final ArtifactStore artifacts;
  private final PypiAudit audit;
  private final Executor workers;
  private final List<String> fileHosts;

  DistributionFiles(GatewayConfig config, UpstreamIndex index, PolicyHolder policy, UpstreamClient upstream,
      ArtifactStore artifacts, PypiAudit audit, Executor workers) {
    this.index = index;
    this.policy = policy;
    this.upstream = upstream;
    this.artifacts = artifacts;
    this.audit = audit;
    this.workers = workers;
    this.fileHosts = config.pypi().fileHosts();
  }

  void serve(Exchange exchange, String project, String filename, boolean metadata) {
    Optional<String> version = DistributionFilename.versionOf(filename, project);
    if (version.isEmpty()) {
      String why = "'" + filename + "' is not a distribution file name of '" + project + "'";
      exchange.respondText(404, "Not Found: " + why, why, null);
      return;
    }
    Decision decision = policy.current().decide(PackageCoordinates.of(Ecosystem.PYPI, project, version.get()));
    String id = DecisionIds.next();
    if (!decision.permits()) {
      String message = Refusals.message(decision, id);
      exchange.respondText(403, message, message, null);
      audit.record(exchange, id, decision, 403, null, 0, Map.of("file", filename));
      return;
    }
    index.project(project).whenCompleteAsync((cached, error) -> exchange.guard("file download", () -> {
      if (error != null) {
        fail(exchange, id, decision, UpstreamFailures.status(error), UpstreamFailures.describe(error), filename);
        return;
      }
      Optional<DistributionFile> file = cached.value() instanceof UpstreamProject.Found found
          ? found.page().file(filename) : Optional.empty();
      if (file.isEmpty()) {
        fail(exchange, id, decision, 404, "'" + filename + "' is not listed in the upstream index of '" + project + "'",
            filename);
        return;
      }
      deliver(exchange, id, decision, file.get(), metadata);
    }), workers);
  }

  private void deliver(Exchange exchange, String id, Decision decision, DistributionFile file, boolean metadata) {
    String name = file.filename() + (metadata ? ".metadata" : "");
    Optional<String> sha256 = metadata
        ? Optional.ofNullable(file.coreMetadata().hashes().get("sha256"))
        : file.sha256();
    if (metadata && !file.coreMetadata().available()) {
      fail(exchange, id, decision, 404, "the upstream index has no core metadata file for '" + file.filename() + "'", name);
      return;
    }
    if (sha256.isEmpty()) {
      fail(exchange, id, decision, 502, "the upstream index gives no sha256 for '" + name
          + "'; Tollgate serves only files it can verify", name);
      return;
    }
    String hex = sha256.get().toLowerCase(Locale.ROOT);
    Optional<Path> cachedFile = artifacts.find("sha256", hex);
    if (cachedFile.isPresent()) {
      try {
        long bytes = CachedArtifactResponse.send(exchange, cachedFile.get(), contentType(name), headers("hit"));
        audit.record(exchange, id, decision, 200, null, bytes, Map.of("file", name, "cache", "hit"));
        return;
      } catch (IOException e) {
        LOG.log(Level.WARNING, "cannot serve cached " + cachedFile.get() + "; fetching again", e);
      }
    }
    URI url;
    try {
      url = metadata ? metadataUrl(new URI(file.url())) : new URI(file.url());
    } catch (URISyntaxException e) {
      fail(exchange, id, decision, 502, "the upstream index links '" + name + "' to an invalid URL", name);
      return;
    }
    if (!hostAllowed(url)) {
      fail(exchange, id, decision, 502, "the upstream index links '" + name + "' to " + url.getHost()
          + ", which is neither the index's host nor a configured file host", name);
      return;
    }
    if (exchange.isHead()) {
      exchange.respondHead(contentType(name), metadata ? -1 : file.size().orElse(-1), headers("miss"));
      audit.record(exchange, id, decision, 200, null, 0, Map.of("file", name));
      return;
    }
    stream(exchange, id, decision, url, name, hex, metadata ? -1 : file.size().orElse(-1));
  }

  private void stream(Exchange exchange, String id, Decision decision, URI url, String name, String hex, long size) {
    ArtifactStore.Staging staging;
    try {
      staging = artifacts.stage();
    } catch (IOException e) {
      LOG.log(Level.WARNING, "cannot stage a download for the cache; serving without caching", e);
      staging = null;
    }
    ArtifactStore.Staging stagingOrNull = staging;
    ChannelArtifactDownstream downstream =
        new ChannelArtifactDownstream(exchange, contentType(name), headers("miss"), upstream.readTimeout());
    VerifyingRelay relay = new VerifyingRelay("sha256", hex, size, staging, downstream, outcome ->
        recordOutcome(exchange, id, decision, name, outcome));
    boolean allowHttp = "http".equalsIgnoreCase(index.base().getScheme());
    upstream.download(url, allowHttp, info -> {
      downstream.begin(info.headers().firstValueAsLong("Content-Length").orElse(-1),
          () -> relay.cancel("download cancelled"));
      return relay;
    }).whenComplete((response, error) -> {
      if (error != null || response.statusCode() != 200) {
        if (stagingOrNull != null) {
          stagingOrNull.discard();
        }
        if (error != null) {
          fail(exchange, id, decision, UpstreamFailures.status(error), UpstreamFailures.describe(error), name);
        } else {
          int status = response.statusCode() == 404 ? 404 : 502;
          fail(exchange, id, decision, status, "the upstream answered " + response.statusCode() + " for " + name, name);
        }
      }
    });
  }

  private void recordOutcome(Exchange exchange, String id, Decision decision, String name, RelayOutcome outcome) {
    if (outcome.verified()) {
      audit.record(exchange, id, decision, 200, 200, outcome.bytes(), Map.of("file", name, "cache", "miss"));
    } else {
      LOG.warning("download of " + name + " aborted: " + outcome.failure().orElse("?"));
      audit.record(exchange, id, decision, 200, 200, outcome.bytes(),
          Map.of("file", name, "aborted", outcome.failure().orElse("")));
    }
  }

  private void fail(Exchange exchange, String id, Decision decision, int status, String why, String name) {
    String reason = status == 404 ? "Not Found: " + why : why;
    if (exchange.respondText(status, reason, why, null)) {
      audit.record(exchange, id, decision, status, null, 0, Map.of("file", name, "error", why));
    }
  }

  /** PEP 658: the metadata file is the distribution's URL with {@code .metadata} added to its path. */
  private static URI metadataUrl(URI file) throws URISyntaxException {
    return new URI(file.getScheme(), file.getRawAuthority() == null ? null : file.getAuthority(),
        file.getPath() + ".metadata", file.getQuery(), null);
  }

  private boolean hostAllowed(URI url) {
    String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
    URI base = index.base();
    boolean sameOrigin = host.equalsIgnoreCase(base.getHost()) && url.getPort() == base.getPort();
    return sameOrigin || fileHosts.contains(host);
  }

  private static String contentType(String name) {
    if (name.endsWith(".metadata")) {
      return "text/plain; charset=utf-8";
    }
    if (name.endsWith(".whl") || name.endsWith(".zip") || name.endsWith(".egg")) {
      return "application/zip";
    }
    if (name.endsWith(".tar.gz") || name.endsWith(".tgz")) {
      return "application/gzip";
    }
    return "application/octet-stream";
  }

  private static HttpHeaders headers(String cache) {
    return new DefaultHttpHeaders().set("X-Tollgate-Cache", cache);
  }
}
