package dev.tollgate.gateway.artifact;

import dev.tollgate.gateway.server.Exchange;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.DefaultFileRegion;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Sends a verified artifact from the disk cache with zero-copy file transfer. */
public final class CachedArtifactResponse {

  private CachedArtifactResponse() {}

  /**
   * Opens {@code file} (blocking: call off the event loop) and sends it; returns its length.
   *
   * @throws IOException when the file cannot be opened; nothing has been sent then
   */
  public static long send(Exchange exchange, Path file, String contentType, HttpHeaders extra) throws IOException {
    FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
    long length;
    try {
      length = channel.size();
    } catch (IOException e) {
      channel.close();
      throw e;
    }
    if (!exchange.claim()) {
      channel.close();
      return 0;
    }
    HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
    head.headers().add(extra);
    head.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
    head.headers().set(HttpHeaderNames.CONTENT_LENGTH, length);
    exchange.send(head);
    if (exchange.isHead()) {
      channel.close();
      exchange.channel().writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
      return 0;
    }
    exchange.channel().write(new DefaultFileRegion(channel, 0, length));
    var done = exchange.channel().writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
    if (!exchange.keepAlive()) {
      done.addListener(ChannelFutureListener.CLOSE);
    }
    return length;
  }
}
