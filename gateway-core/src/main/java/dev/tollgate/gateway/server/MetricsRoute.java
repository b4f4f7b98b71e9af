package dev.tollgate.gateway.server;

import dev.tollgate.gateway.metrics.MetricsRegistry;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;

/** {@code GET /metrics}: every metric in Prometheus text format 0.0.4, for a Prometheus scraper. */
public final class MetricsRoute implements Route {

  private final MetricsRegistry registry;

  public MetricsRoute(MetricsRegistry registry) {
    this.registry = registry;
  }

  @Override
  public String prefix() {
    return "/metrics";
  }

  @Override
  public void serve(Exchange exchange) {
    String target = exchange.uri();
    int query = target.indexOf('?');
    if (!(query < 0 ? target : target.substring(0, query)).equals("/metrics")) {
      exchange.respondText(404, "Not Found", "no such page; metrics are at /metrics", null);
      return;
    }
    exchange.respond(HttpResponseStatus.OK, MetricsRegistry.CONTENT_TYPE,
        registry.scrape().getBytes(StandardCharsets.UTF_8), null);
  }
}
