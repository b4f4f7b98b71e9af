package dev.tollgate.gateway.server;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;

/** {@code /healthz} (the process answers) and {@code /readyz} (the gateway is ready to serve). */
public final class HealthRoute implements Route {

  private final String path;
  private final BooleanSupplier check;

  private HealthRoute(String path, BooleanSupplier check) {
    this.path = path;
    this.check = check;
  }

  public static HealthRoute liveness() {
    return new HealthRoute("/healthz", () -> true);
  }

  public static HealthRoute readiness(BooleanSupplier ready) {
    return new HealthRoute("/readyz", ready);
  }

  @Override
  public String prefix() {
    return path;
  }

  /** Probes carry no agent token. */
  @Override
  public boolean requiresAgent() {
    return false;
  }

  @Override
  public void serve(Exchange exchange) {
    String target = exchange.uri();
    int query = target.indexOf('?');
    if (!(query < 0 ? target : target.substring(0, query)).equals(path)) {
      exchange.respondText(404, "Not Found", "no such page", null);
      return;
    }
    boolean ok = check.getAsBoolean();
    exchange.respond(ok ? HttpResponseStatus.OK : HttpResponseStatus.SERVICE_UNAVAILABLE,
        "text/plain; charset=utf-8", (ok ? "ok\n" : "not ready\n").getBytes(StandardCharsets.UTF_8), null);
  }
}
