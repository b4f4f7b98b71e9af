package dev.tollgate.gateway.server;

import dev.tollgate.gateway.agent.TestAgents;
import dev.tollgate.gateway.config.GatewayConfig;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A client connection's pipeline (decoder limits, keep-alive, aggregation, {@link RequestGuard},
 * {@link Router} with health and test routes) driven request by request in an embedded channel.
 */
class RequestPipelineTest {

  private static final int MAX_LINE = 256;
  private static final int MAX_HEADERS = 512;
  private static final int MAX_BODY = 1024;

  /** A refusal as pip shows it: a reason phrase with a Cyrillic look-alike letter and an em dash. */
  private static final String TYPOSQUAT_REFUSAL =
      "Blocked by policy: 'r\u0435quests' looks like a typosquat of 'requests' \u2014 ask your security team";

  /** Answers {@code /test/...} with the target it saw. */
  private static final Route ECHO =
      route("/test/", exchange -> exchange.respondText(200, "OK", "route saw " + exchange.uri(), null));

  /** Fails on every request, as a route with a bug would. */
  private static final Route BROKEN = route("/broken/", exchange -> {
    throw new IllegalStateException("bug in a route");
  });

  /** Refuses every request with a typosquat reason. */
  private static final Route REFUSING =
      route("/refuse/", exchange -> exchange.respondText(403, TYPOSQUAT_REFUSAL, "refused", null));

  private static Route route(String prefix, Consumer<Exchange> serve) {
    return new Route() {
      @Override
      public String prefix() {
        return prefix;
      }

      @Override
      public void serve(Exchange exchange) {
        serve.accept(exchange);
      }
    };
  }

  private final RecordingAllocator allocator = new RecordingAllocator();
  private EmbeddedChannel channel;

  @BeforeEach
  void openConnection() {
    GatewayConfig.Server limits = new GatewayConfig.Server("127.0.0.1", 0, MAX_LINE, MAX_HEADERS, MAX_BODY,
        Duration.ofMinutes(1), Duration.ofMillis(100));
    channel = new EmbeddedChannel(new ConnectionInitializer(limits,
        List.of(HealthRoute.liveness(), HealthRoute.readiness(() -> false), ECHO, BROKEN, REFUSING),
        TestAgents.anonymousOnly(), TestAgents.metrics()));
    channel.config().setAllocator(allocator);
  }

  @AfterEach
  void everyBufferIsReleased() {
    allocator.assertAllReleased(channel);
  }

  private RawResponse send(String request) {
    return RawResponse.exchange(channel, request);
  }

  private static String get(String target) {
    return "GET " + target + " HTTP/1.1\r\nHost: gateway.test\r\n\r\n";
  }

  static Stream<Arguments> requests() {
    return Stream.of(
        Arguments.of("liveness", get("/healthz"), 200, "ok\n", true),
        Arguments.of("readiness when not ready", get("/readyz"), 503, "not ready\n", true),
        Arguments.of("liveness with a query", get("/healthz?probe=1"), 200, "ok\n", true),
        Arguments.of("a path only starting like a health check", get("/healthzz"), 404, "no such page\n", true),
        Arguments.of("a route's prefix", get("/test/a/b?c=d"), 200, "route saw /test/a/b?c=d\n", true),
        Arguments.of("a route's prefix without its slash", get("/test"), 200, "route saw /test\n", true),
        Arguments.of("an unknown path", get("/nowhere"), 404,
            "Tollgate serves /pypi/simple/ (pip), /healthz and /readyz\n", true),
        Arguments.of("a failing route", get("/broken/x"), 500, "internal error; see the gateway's log\n", true),
        Arguments.of("POST", "POST /test/upload HTTP/1.1\r\nHost: g\r\nContent-Length: 5\r\n\r\nhello", 405,
            "POST is not supported: Tollgate is a read-only gateway (no publish, unpublish, tag changes or login)\n", false),
        Arguments.of("DELETE", "DELETE /test/x HTTP/1.1\r\nHost: g\r\n\r\n", 405,
            "DELETE is not supported: Tollgate is a read-only gateway (no publish, unpublish, tag changes or login)\n", false),
        Arguments.of("absolute-form target", get("http://example.test/"), 400,
            "the request target must be a path; Tollgate is not a forward proxy\n", false),
        Arguments.of("CONNECT", "CONNECT example.test:443 HTTP/1.1\r\nHost: example.test:443\r\n\r\n", 400,
            "the request target must be a path; Tollgate is not a forward proxy\n", false),
        Arguments.of("request line over the limit", get("/test/" + "a".repeat(MAX_LINE)), 414,
            "request line too long\n", false),
        Arguments.of("headers over the limit",
            "GET /healthz HTTP/1.1\r\nHost: g\r\nX-Big: " + "b".repeat(MAX_HEADERS) + "\r\n\r\n", 431,
            "request headers too large\n", false),
        Arguments.of("not HTTP at all", "HELLO\r\n\r\n", 400, "malformed HTTP request\n", false));
  }

  @ParameterizedTest(name = "{0}: {2}")
  @MethodSource("requests")
  void answersEachRequestWithAStatusAndASentence(
      String label, String request, int status, String body, boolean staysOpen) {
    RawResponse response = send(request);

    assertAll(
        () -> assertEquals(status, response.status(), response.statusLine()),
        () -> assertEquals(body, response.body()),
        () -> assertEquals(String.valueOf(body.getBytes(StandardCharsets.UTF_8).length),
            response.header("content-length")),
        () -> assertTrue(response.statusLineIsPrintableAscii(), response.statusLine()),
        () -> assertEquals(staysOpen, channel.isOpen(), "connection open afterwards"));
  }

  @Test
  void aRefusedMethodIsToldWhichMethodsAreAllowed() {
    RawResponse response = send("PUT /test/x HTTP/1.1\r\nHost: g\r\nContent-Length: 0\r\n\r\n");

    assertEquals(405, response.status());
    assertEquals("GET, HEAD", response.header("allow"));
  }

  @Test
  void aBodyOverTheLimitIsRefused() {
    RawResponse response = send("GET /test/x HTTP/1.1\r\nHost: g\r\nContent-Length: " + (MAX_BODY + 1) + "\r\n\r\n");

    assertEquals(413, response.status());
  }

  @Test
  void headGetsTheHeadersOfGetWithoutABody() {
    RawResponse response = send("HEAD /healthz HTTP/1.1\r\nHost: g\r\n\r\n");

    assertEquals(200, response.status());
    assertEquals("3", response.header("content-length"));
    assertEquals("", response.body());
  }

  @Test
  void aReasonPhraseWithLookAlikeLettersArrivesAsPrintableAscii() {
    RawResponse response = send(get("/refuse/reqeusts/"));

    assertEquals(403, response.status());
    assertTrue(response.statusLineIsPrintableAscii(), response.statusLine());
    assertEquals("HTTP/1.1 403 Blocked by policy: 'r\\u0435quests' looks like a typosquat of 'requests' "
        + "- ask your security team", response.statusLine());
  }

  @Test
  void aClientThatAsksToCloseIsClosedAfterTheAnswer() {
    RawResponse response = send("GET /healthz HTTP/1.1\r\nHost: g\r\nConnection: close\r\n\r\n");

    assertEquals(200, response.status());
    assertEquals("close", response.header("connection"));
    assertEquals(false, channel.isOpen());
  }

  @Test
  void twoRequestsOnOneConnectionGetTwoAnswers() {
    assertEquals(200, send(get("/healthz")).status());
    assertEquals(404, send(get("/nowhere")).status());
  }
}
