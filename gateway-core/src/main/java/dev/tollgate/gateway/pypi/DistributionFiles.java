package dev.tollgate.gateway.pypi;

import dev.tollgate.adapter.pypi.DistributionFile;
import dev.tollgate.adapter.pypi.DistributionFilename;
import dev.tollgate.gateway.artifact.ArtifactDelivery;
import dev.tollgate.gateway.audit.DecisionIds;
import dev.tollgate.gateway.audit.DecisionRecorder;
import dev.tollgate.gateway.audit.Refusals;
import dev.tollgate.gateway.config.GatewayConfig;
import dev.tollgate.gateway.agent.AgentPolicies;
import dev.tollgate.gateway.policy.PolicyHolder;
import dev.tollgate.gateway.server.Exchange;
import dev.tollgate.gateway.upstream.UpstreamFailures;
import dev.tollgate.policy.coordinates.Ecosystem;
import dev.tollgate.policy.coordinates.PackageCoordinates;
import dev.tollgate.policy.decision.Decision;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * Serves {@code /pypi/files/<project>/<file>} and its PEP 658 {@code .metadata}: decides on the
 * version first (a refused file never causes an upstream request), then finds the file in the
 * upstream page to learn its URL and sha256, and delivers it through the digest check.
 */
final class DistributionFiles {

  private static final ArtifactDelivery.ErrorResponder PLAIN_TEXT = (exchange, status, why) ->
      exchange.respondText(status, status == 404 ? "Not Found: " + why : why, why, null);

  private final UpstreamIndex index;
  private final PolicyHolder policy;
  private final ArtifactDelivery delivery;
  private final DecisionRecorder audit;
  private final Executor workers;
  private final List<String> fileHosts;

  DistributionFiles(GatewayConfig config, UpstreamIndex index, PolicyHolder policy, ArtifactDelivery delivery,
      DecisionRecorder audit, Executor workers) {
    this.index = index;
    this.policy = policy;
    this.delivery = delivery;
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
    Decision decision = AgentPolicies.engine(policy, exchange.agent()).decide(PackageCoordinates.of(Ecosystem.PYPI, project, version.get()));
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
    if (metadata && !file.coreMetadata().available()) {
      fail(exchange, id, decision, 404, "the upstream index has no core metadata file for '" + file.filename() + "'", name);
      return;
    }
    Optional<String> sha256 = metadata
        ? Optional.ofNullable(file.coreMetadata().hashes().get("sha256"))
        : file.sha256();
    if (sha256.isEmpty()) {
      fail(exchange, id, decision, 502, "the upstream index gives no sha256 for '" + name
          + "'; Tollgate serves only files it can verify", name);
      return;
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
    long size = metadata ? -1 : file.size().orElse(-1);
    boolean allowHttp = "http".equalsIgnoreCase(index.base().getScheme());
    delivery.deliver(exchange, id, decision, new ArtifactDelivery.Artifact(name, url, "sha256",
        sha256.get().toLowerCase(Locale.ROOT), size, contentType(name), allowHttp, Map.of()), PLAIN_TEXT);
  }

  private void fail(Exchange exchange, String id, Decision decision, int status, String why, String name) {
    delivery.fail(exchange, id, decision, status, why, name, PLAIN_TEXT);
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
}
