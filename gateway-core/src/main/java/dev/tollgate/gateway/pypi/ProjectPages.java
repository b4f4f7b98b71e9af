package dev.tollgate.gateway.pypi;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.tollgate.adapter.pypi.Negotiation;
import dev.tollgate.adapter.pypi.SimpleApiCodec;
import dev.tollgate.adapter.pypi.SimpleFormat;
import dev.tollgate.adapter.pypi.SimpleProjectPage;
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
import dev.tollgate.policy.rules.ListEntry;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * Serves {@code /pypi/simple/<project>/}: decides on the name, takes the upstream page (cached),
 * removes the files of versions policy refuses, and writes the page in the client's format with
 * file links through the gateway.
 *
 * <p>pip hides a refused index page's status at its default verbosity, so a refused name — or a
 * page whose every version is refused — is still listed: pip then picks a file, and its download is
 * answered 403 with the reason, which pip prints. The page decision is audited as a denial.
 */
final class ProjectPages {

  /** Rendered pages held for reuse, by total size. */
  private static final long RENDERED_MAX_BYTES = 64L << 20;

  private final UpstreamIndex index;
  private final PolicyHolder policy;
  private final DecisionRecorder audit;
  private final Executor workers;
  private final Cache<ListingKey, RenderedListing> rendered = Caffeine.newBuilder()
      .maximumWeight(RENDERED_MAX_BYTES)
      .weigher((ListingKey key, RenderedListing value) -> value.body().length)
      .build();

  /**
   * A rendering is reused while the upstream page and the policy engine are the same objects: a
   * refetched page or a reloaded policy makes new keys, and the old entries age out by weight.
   */
  private record ListingKey(PolicyEngine engine, SimpleProjectPage page, SimpleFormat format) {}

  ProjectPages(UpstreamIndex index, PolicyHolder policy, DecisionRecorder audit, Executor workers) {
    this.index = index;
    this.policy = policy;
    this.audit = audit;
    this.workers = workers;
  }

  /** The root page: the allow-list's exact names (the upstream's full list is not proxied). */
  void serveRoot(Exchange exchange, Negotiation.Chosen format) {
    List<String> names = new ArrayList<>();
    for (ListEntry entry : AgentPolicies.engine(policy, exchange.agent()).policy(Ecosystem.PYPI).allow()) {
      if (!entry.name().isGlob()) {
        names.add(entry.name().exactName());
      }
    }
    byte[] body = SimpleApiCodec.writeProjectList(names.stream().distinct().sorted().toList(), format.format());
    exchange.respond(HttpResponseStatus.OK, format.contentType(), body, varyAccept());
  }

  void serve(Exchange exchange, String project, Negotiation.Chosen format) {
    PolicyEngine engine = AgentPolicies.engine(policy, exchange.agent());
    Decision nameDecision = engine.decide(PackageCoordinates.of(Ecosystem.PYPI, project));
    index.project(project).whenCompleteAsync((cached, error) -> exchange.guard("project page", () -> {
      String id = DecisionIds.next();
      if (error != null) {
        int status = UpstreamFailures.status(error);
        String why = UpstreamFailures.describe(error);
        exchange.respondText(status, why, why, null);
        audit.record(exchange, id, nameDecision, status, null, 0, Map.of("error", why));
        return;
      }
      if (cached.value() instanceof UpstreamProject.Missing missing) {
        if (!nameDecision.permits()) {
          refuse(exchange, id, nameDecision, missing.status());
        } else {
          String why = "'" + project + "' does not exist on the upstream index";
          exchange.respondText(404, "Not Found: " + why, why, null);
          audit.record(exchange, id, nameDecision, 404, missing.status(), 0, Map.of());
        }
        return;
      }
      SimpleProjectPage page = ((UpstreamProject.Found) cached.value()).page();
      serveListing(exchange, id, engine, nameDecision, page, format, cached.freshness());
    }), workers);
  }

  private void serveListing(Exchange exchange, String id, PolicyEngine engine, Decision nameDecision,
      SimpleProjectPage page, Negotiation.Chosen format, MetadataCache.Freshness freshness) {
    RenderedListing listing = rendered.get(new ListingKey(engine, page, format.format()),
        key -> RenderedListing.of(engine, nameDecision, page, format.format()));
    Decision pageDecision = listing.decision();
    HttpHeaders headers = varyAccept().set("X-Tollgate-Cache", freshness.headerValue());
    if (!pageDecision.permits()) {
      headers.set("X-Tollgate-Decision", "deny; ref=" + id);
    } else if (pageDecision.verdict() == Verdict.WOULD_DENY) {
      headers.set("X-Tollgate-Decision", "would-deny; ref=" + id);
    }
    exchange.respond(HttpResponseStatus.OK, format.contentType(), listing.body(), headers);
    audit.record(exchange, id, pageDecision, 200, null, listing.body().length,
        DecisionRecorder.withCache(listing.details(), freshness.headerValue()));
  }

  private void refuse(Exchange exchange, String id, Decision decision, Integer upstreamStatus) {
    String message = Refusals.message(decision, id);
    exchange.respondText(403, message, message, null);
    audit.record(exchange, id, decision, 403, upstreamStatus, 0, Map.of());
  }

  private static HttpHeaders varyAccept() {
    return new DefaultHttpHeaders().set(HttpHeaderNames.VARY, "Accept");
  }
}
