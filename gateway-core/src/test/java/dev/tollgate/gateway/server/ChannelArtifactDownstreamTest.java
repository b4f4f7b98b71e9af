package dev.tollgate.gateway.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.gateway.agent.TestAgents;
import dev.tollgate.gateway.artifact.ChannelArtifactDownstream;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The client's end of a relayed download, on an embedded channel: what the client receives, and
 * when, as the relay hands over chunks and then finishes or aborts.
 */
class ChannelArtifactDownstreamTest {

  private static final Duration NO_STALL = Duration.ofMinutes(1);

  private final RecordingAllocator allocator = new RecordingAllocator();
  private final EmbeddedChannel channel = new EmbeddedChannel();
  private final AtomicInteger upstreamCancels = new AtomicInteger();
  private final AtomicInteger chunksRequested = new AtomicInteger();

  /** What has reached the client so far: response heads, body bytes, and whether the response ended. */
  private final List<HttpResponse> heads = new ArrayList<>();
  private final ByteArrayOutputStream body = new ByteArrayOutputStream();
  private boolean ended;

  ChannelArtifactDownstreamTest() {
    channel.config().setAllocator(allocator);
  }

  @AfterEach
  void everyBufferIsReleased() {
    allocator.assertAllReleased(channel);
  }

  private ChannelArtifactDownstream downstream(HttpMethod method, boolean keepAlive, Duration stallTimeout) {
    FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, method,
        "/pypi/files/demo-1.0-py3-none-any.whl");
    if (!keepAlive) {
      request.headers().set(HttpHeaderNames.CONNECTION, "close");
    }
    Exchange exchange = new Exchange(channel, request, TestAgents.anonymous());
    request.release();
    HttpHeaders extra = new DefaultHttpHeaders().set("X-Tollgate-Cache", "miss");
    return new ChannelArtifactDownstream(exchange, "application/octet-stream", extra, stallTimeout);
  }

  private ChannelArtifactDownstream download() {
    return downstream(HttpMethod.GET, true, NO_STALL);
  }

  private static List<ByteBuffer> chunk(String text) {
    return List.of(ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII)));
  }

  private void begin(ChannelArtifactDownstream downstream, long length) {
    downstream.begin(length, upstreamCancels::incrementAndGet);
    receive();
  }

  private void write(ChannelArtifactDownstream downstream, String text) {
    downstream.write(chunk(text), chunksRequested::incrementAndGet);
    receive();
  }

  /** Runs the channel's queued work and takes everything written to the client. */
  private void receive() {
    channel.runPendingTasks();
    for (Object message = channel.readOutbound(); message != null; message = channel.readOutbound()) {
      if (message instanceof HttpResponse head) {
        heads.add(head);
      }
      if (message instanceof HttpContent content) {
        body.writeBytes(ByteBufUtil.getBytes(content.content()));
        ended |= message instanceof LastHttpContent;
        content.release();
      }
    }
  }

  private String bodyText() {
    return body.toString(StandardCharsets.US_ASCII);
  }

  @Test
  void theLatestChunkIsHeldBackUntilTheDigestMatched() {
    ChannelArtifactDownstream downstream = download();
    begin(downstream, 6);

    write(downstream, "abc");
    assertEquals("", bodyText(), "the only chunk so far is held back");
    assertEquals(1, chunksRequested.get());

    write(downstream, "def");
    assertEquals("abc", bodyText());
    assertEquals(2, chunksRequested.get());

    downstream.finish();
    receive();
    assertEquals("abcdef", bodyText());
    assertTrue(ended);
    assertTrue(channel.isOpen(), "a keep-alive connection stays open");
  }

  @Test
  void theHeadCarriesLengthTypeAndExtraHeaders() {
    begin(download(), 6);

    HttpResponse head = heads.get(0);
    assertEquals(200, head.status().code());
    assertEquals("6", head.headers().get(HttpHeaderNames.CONTENT_LENGTH));
    assertEquals("application/octet-stream", head.headers().get(HttpHeaderNames.CONTENT_TYPE));
    assertEquals("miss", head.headers().get("X-Tollgate-Cache"));
  }

  @Test
  void anUnknownLengthIsSentChunked() {
    begin(download(), -1);

    assertEquals("chunked", heads.get(0).headers().get(HttpHeaderNames.TRANSFER_ENCODING));
    assertFalse(heads.get(0).headers().contains(HttpHeaderNames.CONTENT_LENGTH));
  }

  @Test
  void anAbortClosesTheConnectionWithoutEndingTheResponse() {
    ChannelArtifactDownstream downstream = download();
    begin(downstream, 6);
    write(downstream, "abc");
    write(downstream, "def");

    downstream.abort("sha256 mismatch");
    receive();

    assertEquals("abc", bodyText(), "the held-back chunk never reaches the client");
    assertFalse(ended);
    assertFalse(channel.isOpen());
    assertEquals(1, upstreamCancels.get());
  }

  @Test
  void anAbortBeforeTheHeadAnswers502WithTheReason() {
    ChannelArtifactDownstream downstream = download();

    downstream.abort("upstream unreachable");
    receive();

    FullHttpResponse answer = (FullHttpResponse) heads.get(0);
    assertEquals(502, answer.status().code());
    assertTrue(answer.status().reasonPhrase().contains("upstream unreachable"), answer.status().toString());
  }

  @Test
  void headSendsTheHeadOnlyAndStopsTheUpstream() {
    ChannelArtifactDownstream downstream = downstream(HttpMethod.HEAD, true, NO_STALL);
    begin(downstream, 6);

    write(downstream, "abc");
    downstream.finish();
    receive();

    assertEquals(1, heads.size());
    assertEquals("6", heads.get(0).headers().get(HttpHeaderNames.CONTENT_LENGTH));
    assertEquals("", bodyText());
    assertTrue(ended);
    assertEquals(1, upstreamCancels.get());
  }

  @Test
  void aClientThatGoesAwayStopsTheUpstream() {
    ChannelArtifactDownstream downstream = download();
    begin(downstream, 6);
    write(downstream, "abc");

    channel.close();
    receive();

    assertEquals(1, upstreamCancels.get());
  }

  @Test
  void aConnectionTheClientAskedToCloseIsClosedAfterTheLastByte() {
    ChannelArtifactDownstream downstream = downstream(HttpMethod.GET, false, NO_STALL);
    begin(downstream, 3);
    write(downstream, "abc");

    downstream.finish();
    receive();

    assertEquals("abc", bodyText());
    assertTrue(ended);
    assertFalse(channel.isOpen());
  }

  @Test
  void aStalledUpstreamIsCancelledAndTheConnectionClosed() throws InterruptedException {
    ChannelArtifactDownstream downstream = downstream(HttpMethod.GET, true, Duration.ofMillis(20));
    begin(downstream, 6);
    write(downstream, "abc");

    Thread.sleep(80);
    channel.runScheduledPendingTasks();
    receive();

    assertEquals(1, upstreamCancels.get());
    assertFalse(ended);
    assertFalse(channel.isOpen());
  }
}
