package dev.tollgate.gateway.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;

/**
 * A pipeline step that may answer a request itself, from its head alone, instead of passing it on.
 * A refused request goes no further: its head and the rest of its body, chunk by chunk, are
 * released here, so no later step ever sees a part of it.
 */
abstract class RefusingStep extends ChannelInboundHandlerAdapter {

  private boolean discarding;

  @Override
  public final void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof HttpRequest request) {
      if (refused(ctx, request)) {
        discarding = !(msg instanceof LastHttpContent);
        ReferenceCountUtil.release(msg);
        return;
      }
      discarding = false;
    } else if (discarding && msg instanceof HttpContent) {
      discarding = !(msg instanceof LastHttpContent);
      ReferenceCountUtil.release(msg);
      return;
    }
    ctx.fireChannelRead(msg);
  }

  /** Answers {@code request} and returns true when it must go no further; returns false to pass it on. */
  abstract boolean refused(ChannelHandlerContext ctx, HttpRequest request);
}
