package dev.tollgate.gateway.upstream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tollgate.gateway.config.GatewayConfig;
import dev.tollgate.gateway.metrics.GatewayMetrics;
import dev.tollgate.gateway.metrics.MetricsRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.BodySubscribers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The upstream client against a small HTTP server on loopback that plays the registry. */
class UpstreamClientTest {

  private static final long MAX_BYTES = 64 * 1024;
  private static final List<String> ACCEPT = List.of("application/vnd.pypi.simple.v1+json", "text/html;q=0.01");

  /** How the test registry answers one path. */
  @FunctionalInterface
  private interface Handler {
    void handle(HttpExchange exchange) throws IOException;
  }

  private final Map<String, Handler> paths = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
  private final Map<String, Headers> lastHeaders = new ConcurrentHashMap<>();
  private final CountDownLatch releaseSlowAnswers = new CountDownLatch(1);
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final MetricsRegistry metrics = new MetricsRegistry();
  private final GatewayMetrics gatewayMetrics = new GatewayMetrics(metrics);
  private HttpServer registry;

  @BeforeEach
  void startRegistry() throws IOException {
    registry = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    registry.setExecutor(executor);
    registry.createContext("/", exchange -> {
      String path = exchange.getRequestURI().getPath();
      hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
      lastHeaders.put(path, exchange.getRequestHeaders());
      try {
        paths.getOrDefault(path, e -> answer(e, 404, Map.of(), new byte[0])).handle(exchange);
      } finally {
        exchange.close();
      }
    });
    registry.start();
  }

  @AfterEach
  void stopRegistry() {
    releaseSlowAnswers.countDown();
    registry.stop(0);
    executor.shutdownNow();
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + registry.getAddress().getPort() + path);
  }

  private int hits(String path) {
    return hits.getOrDefault(path, new AtomicInteger()).get();
  }

  private UpstreamClient client(int retries, Duration readTimeout, long maxMetadataBytes) {
    return new UpstreamClient(new GatewayConfig.Upstream(Duration.ofSeconds(2), readTimeout, retries,
        maxMetadataBytes, "tollgate-test/1"), executor, gatewayMetrics);
  }

  private UpstreamClient client() {
    return client(2, Duration.ofSeconds(5), MAX_BYTES);
  }

  private static void answer(HttpExchange exchange, int status, Map<String, String> headers, byte[] body)
      throws IOException {
    headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      exchange.getResponseBody().write(body);
    }
  }

  private static byte[] gzip(byte[] plain) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream zip = new GZIPOutputStream(out)) {
      zip.write(plain);
    }
    return out.toByteArray();
  }

  /** Answers {@code statuses} in turn, then {@code body} with 200 for good. */
  private void answerInTurn(String path, byte[] body, int... statuses) {
    AtomicInteger call = new AtomicInteger();
    paths.put(path, e -> {
      int n = call.getAndIncrement();
      answer(e, n < statuses.length ? statuses[n] : 200, Map.of(), n < statuses.length ? new byte[0] : body);
    });
  }

  private static UpstreamException failure(CompletableFuture<?> future) {
    ExecutionException e = assertThrows(ExecutionException.class, () -> future.get(10, TimeUnit.SECONDS));
    return assertInstanceOf(UpstreamException.class, e.getCause());
  }

  private static <T> T result(CompletableFuture<T> future) throws Exception {
    return future.get(10, TimeUnit.SECONDS);
  }

  /** Downloads {@code uri}, collecting a 200's body into {@code into}. */
  private static CompletableFuture<HttpResponse<Void>> download(
      UpstreamClient client, URI uri, boolean allowHttp, AtomicReference<byte[]> into) {
    Function<HttpResponse.ResponseInfo, BodySubscriber<Void>> collect =
        info -> BodySubscribers.mapping(BodySubscribers.ofByteArray(), bytes -> {
          into.set(bytes);
          return null;
        });
    return client.download(uri, allowHttp, collect);
  }

  @Test
  void aGzippedIndexPageIsDecoded() throws Exception {
    byte[] page = "<html><a href=\"requests-2.32.3.tar.gz\">requests</a></html>".getBytes(StandardCharsets.UTF_8);
    paths.put("/simple/requests/", e -> answer(e, 200,
        Map.of("Content-Encoding", "gzip", "Content-Type", "text/html"), gzip(page)));

    MetadataResponse response = result(client().fetchMetadata(uri("/simple/requests/"), ACCEPT, MAX_BYTES));

    assertEquals(200, response.status());
    assertArrayEquals(page, response.body());
    assertEquals("text/html", response.contentType().orElseThrow());
    assertEquals("gzip", lastHeaders.get("/simple/requests/").getFirst("Accept-Encoding"));
  }

  @Test
  void everyAcceptValueAndTheUserAgentReachTheUpstream() throws Exception {
    paths.put("/simple/requests/", e -> answer(e, 200, Map.of(), "{}".getBytes(StandardCharsets.UTF_8)));

    result(client().fetchMetadata(uri("/simple/requests/"), ACCEPT, MAX_BYTES));

    Headers seen = lastHeaders.get("/simple/requests/");
    List<String> accepted = new ArrayList<>();
    for (String value : seen.get("Accept")) {
      Arrays.stream(value.split(",")).map(String::trim).forEach(accepted::add);
    }
    assertEquals(ACCEPT, accepted);
    assertEquals("tollgate-test/1", seen.getFirst("User-Agent"));
  }

  @Test
  void notFoundIsAnAnswerNotAFailure() throws Exception {
    MetadataResponse response = result(client().fetchMetadata(uri("/simple/nothing-here/"), ACCEPT, MAX_BYTES));

    assertEquals(404, response.status());
    assertEquals(0, response.body().length);
    assertEquals(1, hits("/simple/nothing-here/"), "a 404 is not retried");
  }

  @Test
  void unavailableIsRetriedUntilItSucceeds() throws Exception {
    answerInTurn("/simple/flask/", "flask page".getBytes(StandardCharsets.UTF_8), 503, 503);

    MetadataResponse response = result(client().fetchMetadata(uri("/simple/flask/"), ACCEPT, MAX_BYTES));

    assertEquals(200, response.status());
    assertEquals("flask page", new String(response.body(), StandardCharsets.UTF_8));
    assertEquals(3, hits("/simple/flask/"));
  }

  @Test
  void anUpstreamThatStaysUnavailableIsAskedOnceAndRetriedTwice() throws Exception {
    answerInTurn("/simple/flask/", new byte[0], 502, 503, 504, 503);

    MetadataResponse response = result(client().fetchMetadata(uri("/simple/flask/"), ACCEPT, MAX_BYTES));

    assertEquals(504, response.status());
    assertEquals(3, hits("/simple/flask/"));
    String scraped = metrics.scrape();
    assertTrue(scraped.contains("tollgate_upstream_request_duration_seconds_count{kind=\"metadata\"} 3\n"), scraped);
    assertTrue(scraped.contains("tollgate_upstream_errors_total{kind=\"metadata\",error=\"status_5xx\"} 1\n"), scraped);
  }

  @Test
  void aRefusedConnectionIsUnreachableAfterTheRetries() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }

    UpstreamException e = failure(client().fetchMetadata(
        URI.create("http://127.0.0.1:" + closedPort + "/simple/requests/"), ACCEPT, MAX_BYTES));

    assertEquals(UpstreamException.Kind.UNREACHABLE, e.kind());
    String scraped = metrics.scrape();
    assertTrue(scraped.contains("tollgate_upstream_errors_total{kind=\"metadata\",error=\"unreachable\"} 1\n"), scraped);
  }

  @Test
  void noAnswerWithinTheReadTimeoutIsATimeout() {
    paths.put("/simple/slow/", e -> {
      try {
        releaseSlowAnswers.await(5, TimeUnit.SECONDS);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
      }
    });

    UpstreamException e = failure(client(0, Duration.ofMillis(200), MAX_BYTES)
        .fetchMetadata(uri("/simple/slow/"), ACCEPT, MAX_BYTES));

    assertEquals(UpstreamException.Kind.TIMEOUT, e.kind());
  }

  @Test
  void aPageOverTheBoundIsTooLargeAndNotRetried() {
    paths.put("/simple/huge/", e -> answer(e, 200, Map.of(), new byte[(int) MAX_BYTES + 1]));

    UpstreamException e = failure(client().fetchMetadata(uri("/simple/huge/"), ACCEPT, MAX_BYTES));

    assertEquals(UpstreamException.Kind.TOO_LARGE, e.kind());
    assertEquals(1, hits("/simple/huge/"));
  }

  @Test
  void aCompressedPageThatDecodesOverTheBoundIsTooLarge() {
    byte[] bomb = new byte[(int) MAX_BYTES * 16];
    paths.put("/simple/bomb/", e -> answer(e, 200, Map.of("Content-Encoding", "gzip"), gzip(bomb)));

    UpstreamException e = failure(client().fetchMetadata(uri("/simple/bomb/"), ACCEPT, MAX_BYTES));

    assertEquals(UpstreamException.Kind.TOO_LARGE, e.kind());
  }

  @Test
  void metadataRedirectsAreNotFollowed() throws Exception {
    paths.put("/simple/Requests/", e -> answer(e, 301, Map.of("Location", "/simple/requests/"), new byte[0]));

    MetadataResponse response = result(client().fetchMetadata(uri("/simple/Requests/"), ACCEPT, MAX_BYTES));

    assertEquals(301, response.status());
    assertEquals(0, hits("/simple/requests/"));
  }

  @Test
  void aDownloadHandsTheBodyToTheSubscriber() throws Exception {
    byte[] wheel = "wheel bytes".getBytes(StandardCharsets.UTF_8);
    paths.put("/files/demo.whl", e -> answer(e, 200, Map.of(), wheel));
    AtomicReference<byte[]> received = new AtomicReference<>();

    HttpResponse<Void> response = result(download(client(), uri("/files/demo.whl"), false, received));

    assertEquals(200, response.statusCode());
    assertArrayEquals(wheel, received.get());
    assertEquals("identity", lastHeaders.get("/files/demo.whl").getFirst("Accept-Encoding"));
  }

  @Test
  void aDownloadFollowsARedirectToHttpOnlyWhenHttpIsAllowed() throws Exception {
    byte[] wheel = "wheel bytes".getBytes(StandardCharsets.UTF_8);
    paths.put("/files/demo.whl", e -> answer(e, 200, Map.of(), wheel));
    paths.put("/redirect/demo.whl", e -> answer(e, 302, Map.of("Location", uri("/files/demo.whl").toString()),
        new byte[0]));
    AtomicReference<byte[]> received = new AtomicReference<>();

    UpstreamException refused = failure(download(client(), uri("/redirect/demo.whl"), false, received));
    assertEquals(UpstreamException.Kind.REDIRECT_REFUSED, refused.kind());
    assertEquals(0, hits("/files/demo.whl"));

    HttpResponse<Void> followed = result(download(client(), uri("/redirect/demo.whl"), true, received));
    assertEquals(200, followed.statusCode());
    assertArrayEquals(wheel, received.get());
    assertEquals(1, hits("/files/demo.whl"));
  }

  @Test
  void aRedirectLoopEndsWithAFailure() {
    paths.put("/loop", e -> answer(e, 307, Map.of("Location", "/loop"), new byte[0]));

    UpstreamException e = failure(download(client(), uri("/loop"), true, new AtomicReference<>()));

    assertEquals(UpstreamException.Kind.BAD_STATUS, e.kind());
    assertTrue(e.getMessage().contains("redirects"), e.getMessage());
    assertEquals(6, hits("/loop"));
  }

  @Test
  void aDownloadIsRetriedWhileTheUpstreamIsUnavailable() throws Exception {
    answerInTurn("/files/demo.whl", "wheel".getBytes(StandardCharsets.UTF_8), 503);
    AtomicReference<byte[]> received = new AtomicReference<>();

    HttpResponse<Void> response = result(download(client(), uri("/files/demo.whl"), false, received));

    assertEquals(200, response.statusCode());
    assertEquals("wheel", new String(received.get(), StandardCharsets.UTF_8));
    assertEquals(2, hits("/files/demo.whl"));
  }

  @Test
  void aFetchSendsEveryAcceptLineAndReturnsTheExactBytesAndHeaders() throws Exception {
    byte[] manifest = "{\"schemaVersion\":2}".getBytes(StandardCharsets.UTF_8);
    paths.put("/v2/app/manifests/v1", e -> answer(e, 200, Map.of("Docker-Content-Digest", "sha256:abc"), manifest));
    List<String> accept = List.of("application/vnd.oci.image.manifest.v1+json",
        "application/vnd.docker.distribution.manifest.v2+json");

    HttpResponse<byte[]> response = result(client().fetch(uri("/v2/app/manifests/v1"), false,
        Map.of("Accept", accept), MAX_BYTES));

    assertArrayEquals(manifest, response.body());
    assertEquals("sha256:abc", response.headers().firstValue("Docker-Content-Digest").orElseThrow());
    assertEquals(accept, lastHeaders.get("/v2/app/manifests/v1").get("Accept"));
  }

  @Test
  void aDownloadSendsItsHeadersToTheUpstreamButNotAcrossARedirectToAnotherHost() throws Exception {
    byte[] layer = "layer".getBytes(StandardCharsets.UTF_8);
    paths.put("/cdn/layer", e -> answer(e, 200, Map.of(), layer));
    String elsewhere = "http://localhost:" + registry.getAddress().getPort() + "/cdn/layer";
    paths.put("/v2/app/blobs/sha256:1", e -> answer(e, 307, Map.of("Location", elsewhere), new byte[0]));
    AtomicReference<byte[]> received = new AtomicReference<>();

    HttpResponse<Void> response = result(client().download(uri("/v2/app/blobs/sha256:1"), true,
        Map.of("Authorization", List.of("Bearer secret")),
        info -> BodySubscribers.mapping(BodySubscribers.ofByteArray(), bytes -> {
          received.set(bytes);
          return null;
        })));

    assertEquals(200, response.statusCode());
    assertArrayEquals(layer, received.get());
    assertEquals(List.of("Bearer secret"), lastHeaders.get("/v2/app/blobs/sha256:1").get("Authorization"));
    assertEquals(null, lastHeaders.get("/cdn/layer").get("Authorization"));
  }
}
