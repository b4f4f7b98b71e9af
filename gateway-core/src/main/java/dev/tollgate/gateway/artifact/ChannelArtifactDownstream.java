package dev.tollgate.gateway.artifact;

import dev.tollgate.gateway.server.Exchange;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.ScheduledFuture;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Writes a relayed artifact to the client's connection with back-pressure: the upstream is asked for
 * the next chunk only after the previous one was written. The latest chunk is held back until the
 * digest is known; on abort the connection is closed, so the client sees an incomplete download. A
 * stalled upstream (no bytes for the read timeout) is cancelled. All state lives on the channel's
 * event loop.
 */
public final class ChannelArtifactDownstream implements ArtifactDownstream {

  private final Exchange exchange;
  private final Channel channel;
  private final EventLoop loop;
  private final String contentType;
  private final HttpHeaders extraHeaders;
  private final Duration stallTimeout;
  private ByteBuf held;
  private boolean ended;
  private long lastActivity = System.nanoTime();
  private ScheduledFuture<?> watchdog;
  private Runnable cancelUpstream = () -> {};

  public ChannelArtifactDownstream(Exchange exchange, String contentType, HttpHeaders extraHeaders, Duration stallTimeout) {
    this.exchange = exchange;
    this.channel = exchange.channel();
    this.loop = channel.eventLoop();
    this.contentType = contentType;
    this.extraHeaders = extraHeaders;
    this.stallTimeout = stallTimeout;
  }

  @Override
  public void begin(long contentLength, Runnable cancel) {
    loop.execute(() -> {
      cancelUpstream = cancel;
      if (!channel.isActive() || !exchange.claim()) {
        ended = true;
        cancel.run();
        return;
      }
      HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
      head.headers().add(extraHeaders);
      head.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
      if (contentLength >= 0) {
        head.headers().set(HttpHeaderNames.CONTENT_LENGTH, contentLength);
      } else {
        head.headers().set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
      }
      exchange.send(head);
      if (exchange.isHead()) {
        ended = true;
        channel.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
        cancel.run();
        return;
      }
      channel.closeFuture().addListener(f -> loop.execute(() -> {
        if (!ended) {
          abortNow("the client went away");
        }
      }));
      long period = Math.max(stallTimeout.toMillis() / 2, 10);
      watchdog = loop.scheduleAtFixedRate(this::checkStall, period, period, TimeUnit.MILLISECONDS);
    });
  }

  @Override
  public void write(List<ByteBuffer> chunk, Runnable more) {
    int size = 0;
    for (ByteBuffer b : chunk) {
      size += b.remaining();
    }
    ByteBuf copy = channel.alloc().buffer(size);
    for (ByteBuffer b : chunk) {
      copy.writeBytes(b.duplicate());
    }
    loop.execute(() -> {
      lastActivity = System.nanoTime();
      if (ended) {
        copy.release();
        return;
      }
      ByteBuf previous = held;
      held = copy;
      if (previous == null) {
        more.run();
      } else {
        channel.writeAndFlush(new DefaultHttpContent(previous)).addListener(f -> {
          if (f.isSuccess()) {
            more.run();
          }
        });
      }
    });
  }

  @Override
  public void finish() {
    loop.execute(() -> {
      if (ended) {
        return;
      }
      ended = true;
      stopWatchdog();
      if (held != null) {
        channel.write(new DefaultHttpContent(held));
        held = null;
      }
      var done = channel.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
      if (!exchange.keepAlive()) {
        done.addListener(ChannelFutureListener.CLOSE);
      }
    });
  }

  @Override
  public void abort(String why) {
    loop.execute(() -> abortNow(why));
  }

  private void abortNow(String why) {
    if (ended) {
      return;
    }
    ended = true;
    stopWatchdog();
    if (held != null) {
      held.release();
      held = null;
    }
    cancelUpstream.run();
    if (!exchange.respondText(502, "Bad Gateway: " + why, why, null)) {
      channel.close();
    }
  }

  private void checkStall() {
    if (!ended && System.nanoTime() - lastActivity > stallTimeout.toNanos()) {
      abortNow("the upstream sent nothing for " + stallTimeout.toMillis() + " ms");
    }
  }

  private void stopWatchdog() {
    if (watchdog != null) {
      watchdog.cancel(false);
    }
  }
}
