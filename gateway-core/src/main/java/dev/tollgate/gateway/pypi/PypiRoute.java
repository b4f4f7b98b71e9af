package dev.tollgate.gateway.pypi;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.tollgate.adapter.pypi.ContentNegotiation;
import dev.tollgate.adapter.pypi.Negotiation;
import dev.tollgate.adapter.pypi.PypiPaths;
import dev.tollgate.adapter.pypi.PypiRequest;
import dev.tollgate.gateway.artifact.ArtifactDelivery;
import dev.tollgate.gateway.audit.DecisionRecorder;
import dev.tollgate.gateway.cache.MetadataCache;
import dev.tollgate.gateway.config.GatewayConfig;
import dev.tollgate.gateway.policy.PolicyHolder;
import dev.tollgate.gateway.server.Exchange;
import dev.tollgate.gateway.server.Route;
import dev.tollgate.gateway.upstream.UpstreamClient;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * The PyPI mount, {@code /pypi/}: turns the raw path into a typed request (bad input is answered
 * 400 here, before anything else happens) and hands it to the page or file service.
 */
public final class PypiRoute implements Route {

  static final String MOUNT = "/pypi";

  private final ProjectPages pages;
  private final DistributionFiles files;

  public PypiRoute(GatewayConfig config, PolicyHolder policy, UpstreamClient upstream, DecisionRecorder audit,
      ArtifactDelivery delivery, Executor workers) {
    MetadataCache<String, UpstreamProject> cache = new MetadataCache<String, UpstreamProject>(config.cache().metadataTtl(),
        config.cache().metadataStaleFor(), config.cache().metadataMaxEntries(), Ticker.systemTicker())
        .absenceIs(project -> project instanceof UpstreamProject.Missing);
    UpstreamIndex index = new UpstreamIndex(config, upstream, cache, workers);
    this.pages = new ProjectPages(index, policy, audit, workers);
    this.files = new DistributionFiles(config, index, policy, delivery, audit, workers);
  }

  @Override
  public String prefix() {
    return MOUNT + "/";
  }

  @Override
  public void serve(Exchange exchange) {
    Map<String, List<String>> parameters;
    try {
      parameters = new QueryStringDecoder(exchange.uri()).parameters();
    } catch (IllegalArgumentException e) {
      exchange.respondText(400, "Bad Request: malformed query string", "malformed query string: " + e.getMessage(), null);
      return;
    }
    int queryAt = exchange.uri().indexOf('?');
    String rawPath = queryAt < 0 ? exchange.uri() : exchange.uri().substring(0, queryAt);
    PypiRequest request = rawPath.length() <= prefix().length()
        ? new PypiRequest.NotFound("the PyPI index is at " + MOUNT + "/simple/")
        : PypiPaths.parse(rawPath.substring(MOUNT.length()));
    String query = queryAt < 0 ? "" : exchange.uri().substring(queryAt);
    if (request instanceof PypiRequest.Rejected r) {
      exchange.respondText(400, "Bad Request: " + r.reason(), r.reason(), null);
    } else if (request instanceof PypiRequest.NotFound r) {
      exchange.respondText(404, "Not Found: " + r.reason(), r.reason(), null);
    } else if (request instanceof PypiRequest.Redirect r) {
      redirect(exchange, MOUNT + r.location() + query);
    } else if (request instanceof PypiRequest.RootIndex) {
      negotiated(exchange, parameters).ifPresent(format -> pages.serveRoot(exchange, format));
    } else if (request instanceof PypiRequest.ProjectPage r) {
      negotiated(exchange, parameters).ifPresent(format -> pages.serve(exchange, r.project(), format));
    } else if (request instanceof PypiRequest.File r) {
      files.serve(exchange, r.project(), r.filename(), false);
    } else if (request instanceof PypiRequest.Metadata r) {
      files.serve(exchange, r.project(), r.filename(), true);
    }
  }

  private static Optional<Negotiation.Chosen> negotiated(Exchange exchange, Map<String, List<String>> parameters) {
    List<String> format = parameters.get("format");
    Negotiation negotiation = ContentNegotiation.negotiate(exchange.headers(HttpHeaderNames.ACCEPT),
        format == null || format.isEmpty() ? Optional.empty() : Optional.of(format.get(0)));
    if (negotiation instanceof Negotiation.NotAcceptable none) {
      String types = String.join(", ", none.available());
      exchange.respondText(406, "Not Acceptable: this index serves " + types, "this index serves " + types, null);
      return Optional.empty();
    }
    return Optional.of((Negotiation.Chosen) negotiation);
  }

  private static void redirect(Exchange exchange, String location) {
    HttpHeaders headers = new DefaultHttpHeaders().set(HttpHeaderNames.LOCATION, location);
    exchange.respond(HttpResponseStatus.MOVED_PERMANENTLY, "text/plain; charset=utf-8",
        ("see " + location + "\n").getBytes(StandardCharsets.UTF_8), headers);
  }
}
