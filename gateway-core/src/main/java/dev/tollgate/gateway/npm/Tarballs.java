package dev.tollgate.gateway.npm;

import dev.tollgate.adapter.npm.MalformedPackumentException;
import dev.tollgate.adapter.npm.PackumentFilter;
import dev.tollgate.adapter.npm.PackumentFormat;
import dev.tollgate.adapter.npm.TarballDigest;
import dev.tollgate.adapter.npm.VersionInfo;
import dev.tollgate.gateway.artifact.ArtifactDelivery;
import dev.tollgate.gateway.audit.DecisionIds;
import dev.tollgate.gateway.audit.DecisionRecorder;
import dev.tollgate.gateway.audit.Refusals;
import dev.tollgate.gateway.agent.AgentPolicies;
import dev.tollgate.gateway.policy.PolicyHolder;
import dev.tollgate.gateway.server.Exchange;
import dev.tollgate.gateway.upstream.UpstreamFailures;
import dev.tollgate.policy.coordinates.Ecosystem;
import dev.tollgate.policy.coordinates.PackageCoordinates;
import dev.tollgate.policy.decision.Decision;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * Serves {@code /npm/<name>/-/<file>.tgz}: decides on the version first (lockfile installs come
 * here without reading metadata, and a refused tarball never causes an upstream request), then takes
 * the version's tarball URL, integrity, install scripts and publish time from the upstream packument,
 * decides again with those, and delivers the bytes through the digest check.
 */
final class Tarballs {

  private static final ArtifactDelivery.ErrorResponder JSON_ERRORS = NpmErrors::respond;

  private final Registries registries;
  private final PolicyHolder policy;
  private final ArtifactDelivery delivery;
  private final DecisionRecorder audit;
  private final Executor workers;

  Tarballs(Registries registries, PolicyHolder policy, ArtifactDelivery delivery, DecisionRecorder audit,
      Executor workers) {
    this.registries = registries;
    this.policy = policy;
    this.delivery = delivery;
    this.audit = audit;
    this.workers = workers;
  }

  void serve(Exchange exchange, String name, String filename, String version) {
    Decision decision = AgentPolicies.engine(policy, exchange.agent())
        .decide(PackageCoordinates.of(Ecosystem.NPM, name, version));
    String id = DecisionIds.next();
    if (!decision.permits()) {
      refuse(exchange, id, decision, filename);
      return;
    }
    registries.forPackage(name).packument(name, PackumentFormat.FULL).whenCompleteAsync((cached, error) ->
        exchange.guard("tarball", () -> {
          if (error != null) {
            fail(exchange, id, decision, UpstreamFailures.status(error), UpstreamFailures.describe(error), filename);
            return;
          }
          if (!(cached.value() instanceof UpstreamPackument.Found found)) {
            fail(exchange, id, decision, 404, registries.missing(name), filename);
            return;
          }
          Optional<VersionInfo> info;
          try {
            info = versionInfo(found, name, version);
          } catch (MalformedPackumentException e) {
            fail(exchange, id, decision, 502, "the upstream packument of '" + name + "' is malformed: "
                + e.getMessage(), filename);
            return;
          }
          if (info.isEmpty()) {
            fail(exchange, id, decision, 404, "'" + name + "' has no version " + version, filename);
            return;
          }
          deliver(exchange, id, name, filename, info.get());
        }), workers);
  }

  /** One version's facts, read from the packument once per upstream document. */
  private static Optional<VersionInfo> versionInfo(UpstreamPackument.Found packument, String name, String version)
      throws MalformedPackumentException {
    Optional<VersionInfo> known = packument.versionFacts().get(version);
    if (known != null) {
      return known;
    }
    Optional<VersionInfo> info = PackumentFilter.versionInfo(packument.json(), name, version);
    packument.versionFacts().put(version, info);
    return info;
  }

  private void deliver(Exchange exchange, String id, String name, String filename, VersionInfo info) {
    Decision decision = RenderedPackument.decide(AgentPolicies.engine(policy, exchange.agent()), name, info);
    if (!decision.permits()) {
      refuse(exchange, id, decision, filename);
      return;
    }
    Optional<TarballDigest> digest = info.expectedDigest();
    if (digest.isEmpty()) {
      fail(exchange, id, decision, 502, "the upstream gives no integrity or shasum for " + filename
          + "; Tollgate serves only tarballs it can verify", filename);
      return;
    }
    Optional<URI> url = info.tarball().flatMap(Tarballs::parse);
    URI base = registries.forPackage(name).base();
    if (url.isEmpty() || !sameOrigin(url.get(), base)) {
      fail(exchange, id, decision, 502, "the upstream's tarball URL for " + filename + " ("
          + info.tarball().orElse("none") + ") is not on the upstream registry " + base, filename);
      return;
    }
    boolean allowHttp = "http".equalsIgnoreCase(base.getScheme());
    delivery.deliver(exchange, id, decision, new ArtifactDelivery.Artifact(filename, url.get(),
        digest.get().algorithm(), digest.get().hex(), -1, "application/octet-stream", allowHttp,
        info.deprecated().<Map<String, Object>>map(message -> Map.of("deprecated", message)).orElse(Map.of())),
        JSON_ERRORS);
  }

  private void refuse(Exchange exchange, String id, Decision decision, String filename) {
    String message = Refusals.message(decision, id);
    NpmErrors.respond(exchange, 403, message);
    audit.record(exchange, id, decision, 403, null, 0, Map.of("file", filename));
  }

  private void fail(Exchange exchange, String id, Decision decision, int status, String why, String filename) {
    delivery.fail(exchange, id, decision, status, why, filename, JSON_ERRORS);
  }

  private static Optional<URI> parse(String url) {
    try {
      return Optional.of(new URI(url));
    } catch (java.net.URISyntaxException e) {
      return Optional.empty();
    }
  }

  private static boolean sameOrigin(URI url, URI base) {
    return url.getHost() != null && url.getHost().equalsIgnoreCase(base.getHost())
        && effectivePort(url) == effectivePort(base) && url.getScheme().equalsIgnoreCase(base.getScheme());
  }

  private static int effectivePort(URI uri) {
    if (uri.getPort() >= 0) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }
}
