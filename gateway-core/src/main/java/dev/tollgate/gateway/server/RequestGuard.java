package dev.tollgate.gateway.server;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import java.util.List;

/**
 * Refuses requests the gateway never serves as soon as their head arrives, before a body is read
 * or any route sees them: undecodable or oversized requests (400, 414, 431), absolute-form targets
 * (the gateway is not a forward proxy), and methods other than GET and HEAD (the gateway is
 * read-only, so a publish is refused without reading its upload). The answer is in the format of the
 * route the path belongs to, and the connection is closed after it, as the rest of the request is
 * not read.
 */
final class RequestGuard extends RefusingStep {

  private final List<Route> routes;

  RequestGuard(List<Route> routes) {
    this.routes = List.copyOf(routes);
  }

  @Override
  boolean refused(ChannelHandlerContext ctx, HttpRequest request) {
    Rejection rejection = check(request);
    if (rejection == null) {
      return false;
    }
    reject(ctx, request.uri(), rejection);
    return true;
  }

  private void reject(ChannelHandlerContext ctx, String uri, Rejection rejection) {
    String sentence = rejection.status.reasonPhrase() + ": " + rejection.why;
    Route.ErrorBody body = routeFor(uri).errorBody(rejection.why);
    FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
        new HttpResponseStatus(rejection.status.code(), ReasonPhrases.sanitize(sentence)),
        Unpooled.wrappedBuffer(body.bytes()));
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, body.contentType());
    response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.bytes().length);
    if (rejection.status == HttpResponseStatus.METHOD_NOT_ALLOWED) {
      response.headers().set(HttpHeaderNames.ALLOW, "GET, HEAD");
    }
    response.headers().set(HttpHeaderNames.CONNECTION, "close");
    ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
  }

  private Route routeFor(String uri) {
    for (Route route : routes) {
      if (uri.startsWith(route.prefix())) {
        return route;
      }
    }
    return new Route() {
      @Override
      public String prefix() {
        return "/";
      }

      @Override
      public void serve(Exchange exchange) {
        throw new UnsupportedOperationException("only formats errors");
      }
    };
  }

  private static Rejection check(HttpRequest request) {
    if (request.decoderResult().isFailure()) {
      Throwable cause = request.decoderResult().cause();
      if (cause instanceof TooLongHttpLineException) {
        return new Rejection(HttpResponseStatus.REQUEST_URI_TOO_LONG, "request line too long");
      }
      if (cause instanceof TooLongHttpHeaderException) {
        return new Rejection(HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "request headers too large");
      }
      if (cause instanceof TooLongFrameException) {
        return new Rejection(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, "request too large");
      }
      return new Rejection(HttpResponseStatus.BAD_REQUEST, "malformed HTTP request");
    }
    if (!request.uri().startsWith("/")) {
      return new Rejection(HttpResponseStatus.BAD_REQUEST,
          "the request target must be a path; Tollgate is not a forward proxy");
    }
    HttpMethod method = request.method();
    if (!HttpMethod.GET.equals(method) && !HttpMethod.HEAD.equals(method)) {
      return new Rejection(HttpResponseStatus.METHOD_NOT_ALLOWED,
          method + " is not supported: Tollgate is a read-only gateway (no publish, unpublish, tag changes or login)");
    }
    return null;
  }

  private record Rejection(HttpResponseStatus status, String why) {}
}
