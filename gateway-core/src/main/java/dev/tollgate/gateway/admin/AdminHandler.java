package dev.tollgate.gateway.admin;

import dev.tollgate.gateway.server.Exchange;
import dev.tollgate.gateway.server.Route;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The admin listener's one handler: refuses a request without a valid bearer token (401), hands
 * {@code /admin/...} to the {@link AdminApi} on the admin thread (file writes and reloads never run on
 * the event loop), and other paths to the routes mounted on the admin port (metrics).
 */
@ChannelHandler.Sharable
final class AdminHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

  static final String PREFIX = "/admin/";
  private static final Logger LOG = Logger.getLogger(AdminHandler.class.getName());
  private static final String JSON_TYPE = "application/json";

  private final AdminTokens tokens;
  private final AdminApi api;
  private final List<Route> routes;
  private final Executor executor;

  AdminHandler(AdminTokens tokens, AdminApi api, List<Route> routes, Executor executor) {
    this.tokens = tokens;
    this.api = api;
    this.routes = List.copyOf(routes);
    this.executor = executor;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
    Exchange exchange = Exchange.of(ctx.channel(), request);
    if (request.decoderResult().isFailure()) {
      respond(exchange, AdminResponse.error(400, "malformed HTTP request"));
      return;
    }
    if (!tokens.accepts(request.headers().get(HttpHeaderNames.AUTHORIZATION))) {
      respond(exchange, AdminResponse.error(401, tokens.isEmpty()
          ? "the admin API has no token configured (admin.tokensFile or TOLLGATE_ADMIN_TOKEN)"
          : "send Authorization: Bearer <admin token>"));
      return;
    }
    String uri = request.uri();
    if (uri.startsWith(PREFIX)) {
      Optional<AdminRequest> parsed = parse(request);
      if (parsed.isEmpty()) {
        respond(exchange, AdminResponse.error(400, "the request target is not a valid URL path and query"));
        return;
      }
      try {
        executor.execute(() -> exchange.guard("admin " + uri, () -> respond(exchange, api.handle(parsed.get()))));
      } catch (RejectedExecutionException e) {
        respond(exchange, AdminResponse.error(503, "the gateway is shutting down"));
      }
      return;
    }
    for (Route route : routes) {
      if (uri.startsWith(route.prefix())) {
        exchange.guard("route " + route.prefix(), () -> route.serve(exchange));
        return;
      }
    }
    respond(exchange, AdminResponse.error(404, "the admin port serves " + PREFIX + "..."));
  }

  private static Optional<AdminRequest> parse(FullHttpRequest request) {
    try {
      QueryStringDecoder decoder = new QueryStringDecoder(request.uri());
      List<String> segments = Arrays.stream(decoder.path().substring(PREFIX.length()).split("/"))
          .filter(s -> !s.isEmpty()).toList();
      return Optional.of(new AdminRequest(request.method().name(), segments, decoder.parameters(),
          Optional.ofNullable(request.headers().get(HttpHeaderNames.IF_MATCH)),
          request.content().toString(StandardCharsets.UTF_8)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static void respond(Exchange exchange, AdminResponse response) {
    HttpHeaders headers = new DefaultHttpHeaders();
    response.etag().ifPresent(etag -> headers.set(HttpHeaderNames.ETAG, etag));
    if (response.status() == 401) {
      headers.set(HttpHeaderNames.WWW_AUTHENTICATE, "Bearer realm=\"tollgate-admin\"");
    }
    byte[] body = (response.body().toString() + "\n").getBytes(StandardCharsets.UTF_8);
    exchange.respond(HttpResponseStatus.valueOf(response.status()), JSON_TYPE, body, headers);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    LOG.log(Level.FINE, "admin connection error", cause);
    ctx.close();
  }
}
