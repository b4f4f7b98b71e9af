package dev.tollgate.gateway.server;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;

/**
 * Refuses requests the gateway never serves, before any route sees them: undecodable or oversized
 * requests (400, 414, 431), absolute-form targets (the gateway is not a forward proxy), and methods
 * other than GET and HEAD (the gateway is read-only). Each gets a 4xx saying why; the connection is
 * closed when the request could not be framed.
 */
final class RequestGuard extends ChannelInboundHandlerAdapter {

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof FullHttpRequest request)) {
      ctx.fireChannelRead(msg);
      return;
    }
    Rejection rejection = check(request);
    if (rejection == null) {
      ctx.fireChannelRead(msg);
      return;
    }
    ReferenceCountUtil.release(msg);
    byte[] body = (rejection.why + "\n").getBytes(StandardCharsets.UTF_8);
    HttpResponseStatus status = new HttpResponseStatus(rejection.status.code(),
        ReasonPhrases.sanitize(rejection.status.reasonPhrase() + ": " + rejection.why));
    FullHttpResponse response =
        new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
    response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
    if (rejection.status == HttpResponseStatus.METHOD_NOT_ALLOWED) {
      response.headers().set(HttpHeaderNames.ALLOW, "GET, HEAD");
    }
    if (rejection.close) {
      response.headers().set(HttpHeaderNames.CONNECTION, "close");
      ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    } else {
      ctx.writeAndFlush(response);
    }
  }

  private static Rejection check(FullHttpRequest request) {
    if (request.decoderResult().isFailure()) {
      Throwable cause = request.decoderResult().cause();
      if (cause instanceof TooLongHttpLineException) {
        return new Rejection(HttpResponseStatus.REQUEST_URI_TOO_LONG, "request line too long", true);
      }
      if (cause instanceof TooLongHttpHeaderException) {
        return new Rejection(HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "request headers too large", true);
      }
      if (cause instanceof TooLongFrameException) {
        return new Rejection(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, "request too large", true);
      }
      return new Rejection(HttpResponseStatus.BAD_REQUEST, "malformed HTTP request", true);
    }
    if (!request.uri().startsWith("/")) {
      return new Rejection(HttpResponseStatus.BAD_REQUEST,
          "the request target must be a path; Tollgate is not a forward proxy", false);
    }
    HttpMethod method = request.method();
    if (!HttpMethod.GET.equals(method) && !HttpMethod.HEAD.equals(method)) {
      return new Rejection(HttpResponseStatus.METHOD_NOT_ALLOWED,
          method + " is not supported: Tollgate is a read-only gateway", false);
    }
    return null;
  }

  private record Rejection(HttpResponseStatus status, String why, boolean close) {}
}
