package dev.tollgate.gateway.server;

import dev.tollgate.gateway.agent.Agent;
import dev.tollgate.gateway.config.GatewayConfig;
import dev.tollgate.policy.rules.Enforcement;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One request and the means to answer it once. Routes copy what they need from the request at
 * the start (it is released when the router returns) and answer from any thread.
 */
public final class Exchange {

  private static final Logger LOG = Logger.getLogger(Exchange.class.getName());
  private static final Agent ADMIN = new Agent("admin", new GatewayConfig.Profile(
      GatewayConfig.Profile.DEFAULT, GatewayConfig.Profile.DEFAULT, Enforcement.ENFORCE));

  private final Channel channel;
  private final HttpMethod method;
  private final String uri;
  private final HttpHeaders requestHeaders;
  private final boolean keepAlive;
  private final Agent agent;
  private final long startNanos;
  private final AtomicBoolean answered = new AtomicBoolean();

  Exchange(Channel channel, FullHttpRequest request, Agent agent) {
    this.channel = channel;
    this.method = request.method();
    this.uri = request.uri();
    this.requestHeaders = request.headers().copy();
    this.keepAlive = HttpUtil.isKeepAlive(request);
    this.startNanos = System.nanoTime();
    this.agent = Objects.requireNonNull(agent, "agent: authentication runs before routing");
  }

  /**
   * An exchange for a request that the admin port received and authenticated with an admin token,
   * so its routes (the metrics) can answer it; it is attributed to the agent {@code admin}.
   */
  public static Exchange of(Channel channel, FullHttpRequest request) {
    return new Exchange(channel, request, ADMIN);
  }

  public Channel channel() {
    return channel;
  }

  public HttpMethod method() {
    return method;
  }

  public boolean isHead() {
    return HttpMethod.HEAD.equals(method);
  }

  /** The request target as sent (path and query, still percent-encoded). */
  public String uri() {
    return uri;
  }

  /** Every value of a request header, in order (clients may repeat {@code Accept}). */
  public List<String> headers(CharSequence name) {
    return requestHeaders.getAll(name);
  }

  /** Who sent the request, as its token (or anonymous access) says. */
  public Agent agent() {
    return agent;
  }

  public boolean keepAlive() {
    return keepAlive;
  }

  /** The client's address as {@code ip} (no port), for the audit log. */
  public String client() {
    SocketAddress address = channel.remoteAddress();
    if (address instanceof InetSocketAddress inet) {
      return inet.getAddress() != null ? inet.getAddress().getHostAddress() : inet.getHostString();
    }
    return String.valueOf(address);
  }

  public long elapsedMillis() {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

  /** Claims the right to answer; false if an answer was already started. */
  public boolean claim() {
    return answered.compareAndSet(false, true);
  }

  /**
   * Sends a complete response (the body is dropped for HEAD, its length kept). Returns false, sending
   * nothing, when this exchange was already answered.
   */
  public boolean respond(HttpResponseStatus status, String contentType, byte[] body, HttpHeaders extra) {
    if (!claim()) {
      return false;
    }
    ByteBuf content = isHead() ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(body);
    FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, content);
    if (extra != null) {
      response.headers().add(extra);
    }
    if (contentType != null) {
      response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
    }
    response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
    send(response);
    return true;
  }

  /** Answers a HEAD request with the length the body would have (-1: unknown) and no body. */
  public boolean respondHead(String contentType, long length, HttpHeaders extra) {
    if (!claim()) {
      return false;
    }
    FullHttpResponse response =
        new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK, Unpooled.EMPTY_BUFFER);
    if (extra != null) {
      response.headers().add(extra);
    }
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
    if (length >= 0) {
      response.headers().set(HttpHeaderNames.CONTENT_LENGTH, length);
    }
    send(response);
    return true;
  }

  /** Sends a plain-text answer whose reason phrase carries {@code reason} (pip prints reason phrases). */
  public boolean respondText(int status, String reason, String body, HttpHeaders extra) {
    HttpResponseStatus withReason = new HttpResponseStatus(status, ReasonPhrases.sanitize(reason));
    return respond(withReason, "text/plain; charset=utf-8", (body + "\n").getBytes(StandardCharsets.UTF_8), extra);
  }

  /**
   * Runs {@code work}; if it throws, logs the bug and answers 500 (unless an answer was started), so
   * a request never hangs on a failure nobody handled.
   */
  public void guard(String what, Runnable work) {
    try {
      work.run();
    } catch (RuntimeException | Error e) {
      LOG.log(Level.SEVERE, what + " failed for " + uri, e);
      if (!respondText(500, "Internal error", "internal error; see the gateway's log", null)) {
        channel.close();
      }
    }
  }

  /** Writes a response head or whole response, keeping the connection open as the client asked. */
  public void send(io.netty.handler.codec.http.HttpResponse response) {
    HttpUtil.setKeepAlive(response, keepAlive);
    boolean last = response instanceof FullHttpResponse;
    var future = channel.writeAndFlush(response);
    if (last && !keepAlive) {
      future.addListener(ChannelFutureListener.CLOSE);
    }
  }
}
