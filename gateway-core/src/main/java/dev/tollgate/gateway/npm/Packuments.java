package dev.tollgate.gateway.npm;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.tollgate.adapter.npm.MalformedPackumentException;
import dev.tollgate.adapter.npm.NpmPaths;
import dev.tollgate.adapter.npm.PackumentFilter;
import dev.tollgate.adapter.npm.PackumentFormat;
import dev.tollgate.adapter.npm.VersionLookup;
import dev.tollgate.gateway.audit.DecisionIds;
import dev.tollgate.gateway.audit.DecisionRecorder;
import dev.tollgate.gateway.audit.Refusals;
import dev.tollgate.gateway.cache.MetadataCache;
import dev.tollgate.gateway.agent.AgentPolicies;
import dev.tollgate.gateway.policy.PolicyHolder;
import dev.tollgate.gateway.server.Exchange;
import dev.tollgate.gateway.upstream.UpstreamFailures;
import dev.tollgate.policy.coordinates.Ecosystem;
import dev.tollgate.policy.coordinates.PackageCoordinates;
import dev.tollgate.policy.decision.Decision;
import dev.tollgate.policy.decision.Verdict;
import dev.tollgate.policy.engine.PolicyEngine;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * Serves packuments ({@code /npm/<name>}, full or abbreviated by the client's Accept; full when a
 * minimum release age applies, as only the full one has publish times) and version documents ({@code /npm/<name>/<version-or-tag>}): decides on the name (a refused name causes no
 * upstream request), filters the upstream document by version policy, and answers conditional
 * requests with 304.
 */
final class Packuments {

  private static final long RENDERED_MAX_BYTES = 256L << 20;

  /** A rendering is reused while the upstream document, the policy and the public URL stay the same. */
  private record RenderKey(PolicyEngine engine, UpstreamPackument.Found upstream, String publicMount) {}

  private final Registries registries;
  private final PolicyHolder policy;
  private final DecisionRecorder audit;
  private final Executor workers;
  private final Cache<RenderKey, RenderedPackument> rendered = Caffeine.newBuilder()
      .maximumWeight(RENDERED_MAX_BYTES)
      .weigher((RenderKey key, RenderedPackument value) -> value.json().length)
      .build();

  Packuments(Registries registries, PolicyHolder policy, DecisionRecorder audit, Executor workers) {
    this.registries = registries;
    this.policy = policy;
    this.audit = audit;
    this.workers = workers;
  }

  void serve(Exchange exchange, String name, String publicMount) {
    PolicyEngine engine = AgentPolicies.engine(policy, exchange.agent());
    PackumentFormat asked = PackumentFormat.forAccept(String.join(", ", exchange.headers(HttpHeaderNames.ACCEPT)));
    PackumentFormat format = RenderedPackument.needsPublishTimes(engine, name) ? PackumentFormat.FULL : asked;
    Decision nameDecision = engine.decide(PackageCoordinates.of(Ecosystem.NPM, name));
    String id = DecisionIds.next();
    if (!nameDecision.permits()) {
      refuse(exchange, id, nameDecision);
      return;
    }
    registries.forPackage(name).packument(name, format).whenCompleteAsync((cached, error) -> exchange.guard("packument", () -> {
      if (!answerUnavailable(exchange, id, nameDecision, name, cached, error)) {
        return;
      }
      UpstreamPackument.Found found = (UpstreamPackument.Found) cached.value();
      RenderedPackument page;
      try {
        page = rendered.get(new RenderKey(engine, found, publicMount), key -> render(engine, name, found, publicMount));
      } catch (MalformedUpstream e) {
        fail(exchange, id, nameDecision, 502, e.getMessage());
        return;
      }
      if (page.refusal().isPresent()) {
        refuse(exchange, id, page.refusal().get());
        return;
      }
      HttpHeaders headers = new DefaultHttpHeaders()
          .set(HttpHeaderNames.ETAG, page.etag())
          .set(HttpHeaderNames.VARY, "Accept")
          .set("X-Tollgate-Cache", cached.freshness().headerValue());
      if (nameDecision.verdict() == Verdict.WOULD_DENY) {
        headers.set("X-Tollgate-Decision", "would-deny; ref=" + id);
      }
      if (exchange.headers(HttpHeaderNames.IF_NONE_MATCH).stream().anyMatch(v -> v.contains(page.etag()))) {
        exchange.respond(HttpResponseStatus.NOT_MODIFIED, null, new byte[0], headers);
        audit.record(exchange, id, nameDecision, 304, null, 0,
            DecisionRecorder.withCache(page.details(), cached.freshness().headerValue()));
        return;
      }
      exchange.respond(HttpResponseStatus.OK, format.mediaType(), page.json(), headers);
      audit.record(exchange, id, nameDecision, 200, null, page.json().length,
          DecisionRecorder.withCache(page.details(), cached.freshness().headerValue()));
    }), workers);
  }

  void serveVersion(Exchange exchange, String name, String versionOrTag, String publicMount) {
    PolicyEngine engine = AgentPolicies.engine(policy, exchange.agent());
    Decision nameDecision = engine.decide(PackageCoordinates.of(Ecosystem.NPM, name));
    String id = DecisionIds.next();
    if (!nameDecision.permits()) {
      refuse(exchange, id, nameDecision);
      return;
    }
    registries.forPackage(name).packument(name, PackumentFormat.FULL).whenCompleteAsync((cached, error) ->
        exchange.guard("version document", () -> {
          if (!answerUnavailable(exchange, id, nameDecision, name, cached, error)) {
            return;
          }
          byte[] upstream = ((UpstreamPackument.Found) cached.value()).json();
          Map<String, Decision> decisions = new HashMap<>();
          VersionLookup lookup;
          try {
            lookup = PackumentFilter.versionDocument(upstream, name, versionOrTag,
                info -> RenderedPackument.decide(engine, name, info, decisions).verdict() != Verdict.DENY
                    && info.expectedDigest().isPresent(),
                (n, version, original) -> publicMount + NpmPaths.tarballPath(n, version));
          } catch (MalformedPackumentException e) {
            fail(exchange, id, nameDecision, 502, "the upstream packument of '" + name + "' is malformed: " + e.getMessage());
            return;
          }
          if (lookup instanceof VersionLookup.Found hit) {
            Decision decision = RenderedPackument.decide(engine, name, hit.version(), decisions);
            exchange.respond(HttpResponseStatus.OK, NpmErrors.JSON, hit.json(), null);
            audit.record(exchange, id, decision, 200, null, hit.json().length, Map.of());
          } else if (lookup instanceof VersionLookup.Removed removed) {
            Decision decision = RenderedPackument.decide(engine, name, removed.version(), decisions);
            if (decision.permits()) {
              fail(exchange, id, decision, 502, "version " + removed.version().version() + " of '" + name
                  + "' has no integrity or shasum to check its tarball against");
            } else {
              refuse(exchange, id, decision);
            }
          } else {
            fail(exchange, id, nameDecision, 404, "'" + name + "' has no version or tag '" + versionOrTag + "'");
          }
        }), workers);
  }

  /** Answers a failed or missing upstream document; true when there is a document to serve. */
  private boolean answerUnavailable(Exchange exchange, String id, Decision decision, String name,
      MetadataCache.Cached<UpstreamPackument> cached, Throwable error) {
    if (error != null) {
      fail(exchange, id, decision, UpstreamFailures.status(error), UpstreamFailures.describe(error));
      return false;
    }
    if (cached.value() instanceof UpstreamPackument.Missing) {
      fail(exchange, id, decision, 404, registries.missing(name));
      return false;
    }
    return true;
  }

  private static RenderedPackument render(PolicyEngine engine, String name, UpstreamPackument.Found found,
      String publicMount) {
    try {
      return RenderedPackument.of(engine, name, found.json(), publicMount);
    } catch (MalformedPackumentException e) {
      throw new MalformedUpstream("the upstream packument of '" + name + "' is malformed: " + e.getMessage());
    }
  }

  private void refuse(Exchange exchange, String id, Decision decision) {
    String message = Refusals.message(decision, id);
    NpmErrors.respond(exchange, 403, message);
    audit.record(exchange, id, decision, 403, null, 0, Map.of());
  }

  private void fail(Exchange exchange, String id, Decision decision, int status, String why) {
    if (NpmErrors.respond(exchange, status, why)) {
      audit.record(exchange, id, decision, status, null, 0, Map.of("error", why));
    }
  }

  /** A malformed upstream document, carried out of the rendering cache's loader. */
  private static final class MalformedUpstream extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MalformedUpstream(String message) {
      super(message);
    }
  }
}
