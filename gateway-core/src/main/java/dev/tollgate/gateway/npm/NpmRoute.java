package dev.tollgate.gateway.npm;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.tollgate.adapter.npm.NpmPaths;
import dev.tollgate.adapter.npm.NpmRequest;
import dev.tollgate.gateway.artifact.ArtifactDelivery;
import dev.tollgate.gateway.audit.DecisionRecorder;
import dev.tollgate.gateway.cache.MetadataCache;
import dev.tollgate.gateway.config.GatewayConfig;
import dev.tollgate.gateway.policy.PolicyHolder;
import dev.tollgate.gateway.server.Exchange;
import dev.tollgate.gateway.server.Route;
import dev.tollgate.gateway.upstream.UpstreamClient;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * The npm mount, {@code /npm/}: npm, pnpm and yarn use {@code http://HOST:PORT/npm/} as their
 * registry. Turns the raw path into a typed request (bad input is answered 400 here) and hands it to
 * the packument or tarball service. Errors are JSON with an {@code error} field, which npm prints.
 */
public final class NpmRoute implements Route {

  static final String MOUNT = "/npm";

  private final Packuments packuments;
  private final Tarballs tarballs;
  private final String fallbackHost;

  public NpmRoute(GatewayConfig config, URI upstreamRegistry, PolicyHolder policy, UpstreamClient upstream,
      DecisionRecorder audit, ArtifactDelivery delivery, Executor workers) {
    Optional<GatewayConfig.PrivateRegistry> privateNames = config.npm().privateRegistry();
    Registries registries = new Registries(registry(config, upstreamRegistry, upstream),
        privateNames.map(p -> registry(config, p.upstream(), upstream)), privateNames);
    this.packuments = new Packuments(registries, policy, audit, workers);
    this.tarballs = new Tarballs(registries, policy, delivery, audit, workers);
    this.fallbackHost = config.server().host() + ":" + config.server().port();
  }

  private static UpstreamRegistry registry(GatewayConfig config, URI base, UpstreamClient upstream) {
    MetadataCache<UpstreamRegistry.Key, UpstreamPackument> cache = new MetadataCache<UpstreamRegistry.Key, UpstreamPackument>(config.cache().metadataTtl(),
        config.cache().metadataStaleFor(), UpstreamPackument::weight, config.cache().metadataMaxBytes(),
        Ticker.systemTicker()).absenceIs(packument -> packument instanceof UpstreamPackument.Missing);
    return new UpstreamRegistry(base, upstream, config.upstream().maxMetadataBytes(), cache);
  }

  @Override
  public String prefix() {
    return MOUNT + "/";
  }

  @Override
  public ErrorBody errorBody(String message) {
    return new ErrorBody(NpmErrors.JSON, NpmErrors.body(message));
  }

  @Override
  public void serve(Exchange exchange) {
    int queryAt = exchange.uri().indexOf('?');
    String rawPath = queryAt < 0 ? exchange.uri() : exchange.uri().substring(0, queryAt);
    NpmRequest request = rawPath.length() <= prefix().length()
        ? new NpmRequest.Unsupported("the registry root is not served; use " + MOUNT + "/<package>")
        : NpmPaths.parse(rawPath.substring(MOUNT.length()));
    if (request instanceof NpmRequest.Rejected r) {
      NpmErrors.respond(exchange, 400, r.reason());
    } else if (request instanceof NpmRequest.Unsupported r) {
      NpmErrors.respond(exchange, 404, "not served by Tollgate: " + r.reason());
    } else if (request instanceof NpmRequest.Ping) {
      exchange.respond(HttpResponseStatus.OK, NpmErrors.JSON, "{}\n".getBytes(StandardCharsets.UTF_8), null);
    } else if (request instanceof NpmRequest.Packument r) {
      packuments.serve(exchange, r.name(), publicMount(exchange));
    } else if (request instanceof NpmRequest.VersionDocument r) {
      packuments.serveVersion(exchange, r.name(), r.versionOrTag(), publicMount(exchange));
    } else if (request instanceof NpmRequest.Tarball r) {
      tarballs.serve(exchange, r.name(), r.filename(), r.version());
    }
  }

  /**
   * The URL under which the client reaches this mount, for the tarball links it will follow: the
   * {@code Host} it used (so the links work from inside a sandbox too), else the listening address.
   */
  private String publicMount(Exchange exchange) {
    List<String> hosts = exchange.headers(HttpHeaderNames.HOST);
    String host = hosts.isEmpty() || !hosts.get(0).matches("[A-Za-z0-9.\\-\\[\\]:]{1,255}") ? fallbackHost : hosts.get(0);
    return "http://" + host + MOUNT;
  }
}
