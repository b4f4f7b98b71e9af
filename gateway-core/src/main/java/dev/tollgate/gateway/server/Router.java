package dev.tollgate.gateway.server;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Hands each request to the route whose prefix its path starts with; anything else is a 404. */
@ChannelHandler.Sharable
final class Router extends SimpleChannelInboundHandler<FullHttpRequest> {

  private static final Logger LOG = Logger.getLogger(Router.class.getName());
  private final List<Route> routes;

  Router(List<Route> routes) {
    this.routes = List.copyOf(routes);
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
    Exchange exchange = new Exchange(ctx.channel(), request, ctx.channel().attr(AgentAuthentication.AGENT).get());
    String path = request.uri();
    Optional<Route> match = Route.matching(routes, path);
    if (match.isPresent()) {
      Route route = match.get();
      try {
        route.serve(exchange);
      } catch (RuntimeException e) {
        LOG.log(Level.SEVERE, "route " + route.prefix() + " failed on " + path, e);
        exchange.respondText(500, "Internal error", "internal error; see the gateway's log", null);
      }
      return;
    }
    exchange.respondText(HttpResponseStatus.NOT_FOUND.code(), "Not Found",
        "Tollgate serves /pypi/simple/ (pip), /healthz and /readyz", null);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    LOG.log(Level.FINE, "connection error", cause);
    ctx.close();
  }
}
