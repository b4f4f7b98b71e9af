package dev.tollgate.gateway.server;

import dev.tollgate.gateway.metrics.GatewayMetrics;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufHolder;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.FileRegion;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import java.util.ArrayDeque;

/**
 * Counts each response by the ecosystem and method of its request and by its status class, and the
 * body bytes written, for every answer on the connection: also refusals made before routing (limits,
 * authentication). Sits next to the codec, so it sees requests as decoded and responses as written.
 */
final class TrafficMetrics extends ChannelDuplexHandler {

  private final GatewayMetrics metrics;
  /** Requests read and not yet answered, oldest first (HTTP/1.1 answers in order). */
  private final ArrayDeque<Asked> pending = new ArrayDeque<>(2);
  private String answering = "";

  private record Asked(String path, String method) {}

  TrafficMetrics(GatewayMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof HttpRequest request && pending.size() < 64) {
      pending.addLast(new Asked(request.uri(), request.method().name()));
    }
    ctx.fireChannelRead(msg);
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    if (msg instanceof HttpResponse response && response.status().codeClass() != HttpStatusClass.INFORMATIONAL) {
      Asked request = pending.pollFirst();
      answering = request == null ? "" : request.path();
      metrics.response(answering, request == null ? "other" : request.method(), response.status().code());
    }
    long bytes = msg instanceof ByteBufHolder holder ? holder.content().readableBytes()
        : msg instanceof ByteBuf buf ? buf.readableBytes()
        : msg instanceof FileRegion region ? region.count()
        : 0;
    if (bytes > 0) {
      metrics.bytesServed(answering, bytes);
    }
    ctx.write(msg, promise);
  }
}
