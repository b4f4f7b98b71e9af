package dev.tollgate.gateway.server;

import dev.tollgate.gateway.agent.Agent;
import dev.tollgate.gateway.agent.AgentDirectory;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.util.AttributeKey;
import java.util.List;
import java.util.Optional;

/**
 * Names the agent behind each request from its {@code Authorization} header, before any route,
 * policy decision or upstream request sees it: a known token (Basic, as pip and OCI clients send
 * it, or Bearer, as npm sends it), else anonymous access where it is allowed. A missing or wrong
 * token is answered 401 in the format of the path's clients ({@link Unauthorized}). The header is
 * removed once read, so no later step can log or forward the token; the agent travels on in a
 * channel attribute that the router hands to the request's {@link Exchange}.
 */
final class AgentAuthentication extends RefusingStep {

  /** The agent of the request being read on this connection (requests on one connection come in turn). */
  static final AttributeKey<Agent> AGENT = AttributeKey.valueOf("tollgate.agent");

  private final AgentDirectory agents;
  private final List<Route> routes;

  AgentAuthentication(AgentDirectory agents, List<Route> routes) {
    this.agents = agents;
    this.routes = List.copyOf(routes);
  }

  @Override
  boolean refused(ChannelHandlerContext ctx, HttpRequest request) {
    Optional<Route> route = Route.matching(routes, request.uri());
    String authorization = request.headers().get(HttpHeaderNames.AUTHORIZATION);
    request.headers().remove(HttpHeaderNames.AUTHORIZATION);
    Optional<Agent> agent;
    String refusal;
    if (route.isPresent() && !route.get().requiresAgent()) {
      agent = Optional.of(agents.unauthenticated());
      refusal = null;
    } else if (authorization == null || Credentials.blank(authorization)) {
      agent = agents.anonymous();
      refusal = "this gateway needs an agent token";
    } else {
      Optional<String> token = Credentials.token(authorization);
      agent = token.flatMap(agents::byToken);
      refusal = token.isEmpty() ? "the Authorization header carries no agent token Tollgate reads"
          + " (send it as Basic credentials, AGENT:TOKEN, or as a Bearer token)"
          : "the agent token is not valid";
    }
    if (agent.isEmpty()) {
      Unauthorized.send(ctx, request, route, refusal);
      return true;
    }
    ctx.channel().attr(AGENT).set(agent.get());
    return false;
  }
}
