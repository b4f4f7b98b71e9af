package dev.tollgate.gateway.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.benmanes.caffeine.cache.Ticker;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tollgate.adapter.oci.RoutedRepository;
import dev.tollgate.gateway.agent.TestAgents;
import dev.tollgate.gateway.config.GatewayConfig;
import dev.tollgate.gateway.config.OciConfig;
import dev.tollgate.gateway.upstream.UpstreamClient;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Upstream authentication against a loopback server that plays a registry and its token service. */
class RegistryUpstreamTest {

  private static final RoutedRepository REPOSITORY = new RoutedRepository("registry.test", "acme/app", "acme/app");
  private static final String MANIFEST_PATH = "/v2/acme/app/manifests/v1";
  private static final String BASIC = "Basic " + Base64.getEncoder()
      .encodeToString("robot:s3cret".getBytes(StandardCharsets.UTF_8));

  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final List<String> registryAuthorizations = new CopyOnWriteArrayList<>();
  private final List<String> tokenRequests = new CopyOnWriteArrayList<>();
  private final List<String> cdnAuthorizations = new CopyOnWriteArrayList<>();
  private HttpServer server;
  private String challenge;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor);
    challenge = "Bearer realm=\"" + base() + "token\",service=\"registry.test\"";
    server.createContext("/v2/", this::registry);
    server.createContext("/token", exchange -> {
      try (exchange) {
        tokenRequests.add(exchange.getRequestURI().getRawQuery() + " "
            + Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization")).orElse("anonymous"));
        answer(exchange, 200, "{\"token\":\"tok-1\",\"expires_in\":300}");
      }
    });
    server.createContext("/cdn/", exchange -> {
      try (exchange) {
        cdnAuthorizations.add(Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization")).orElse(""));
        if (exchange.getRequestURI().getPath().endsWith("/loop")) {
          exchange.getResponseHeaders().set("Location", "/cdn/loop");
          exchange.sendResponseHeaders(302, -1);
        } else {
          answer(exchange, 200, "signature payload");
        }
      }
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
    executor.shutdownNow();
  }

  private String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  private void registry(HttpExchange exchange) throws IOException {
    try (exchange) {
      String authorization = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization")).orElse("");
      registryAuthorizations.add(authorization);
      boolean authorized = authorization.equals("Bearer tok-1")
          || (challenge.startsWith("Basic") && authorization.equals(BASIC));
      String path = exchange.getRequestURI().getPath();
      if (authorized && path.contains("/blobs/")) {
        exchange.getResponseHeaders().set("Location", base() + "cdn/" + path.substring(path.lastIndexOf('/') + 1));
        exchange.sendResponseHeaders(307, -1);
      } else if (authorized) {
        answer(exchange, 200, "{}");
      } else {
        exchange.getResponseHeaders().set("WWW-Authenticate", challenge);
        exchange.sendResponseHeaders(401, -1);
      }
    }
  }

  private static void answer(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  private RegistryUpstream upstream(Optional<OciConfig.Credentials> credentials) {
    UpstreamClient http = new UpstreamClient(new GatewayConfig.Upstream(Duration.ofSeconds(2), Duration.ofSeconds(5),
        0, 1 << 20, "tollgate-test/1"), executor, TestAgents.metrics());
    return new RegistryUpstream(new OciConfig.Upstream("registry.test", List.of(), URI.create(base()),
        Optional.empty(), false, credentials), http, new TokenCache(Ticker.systemTicker()));
  }

  private static HttpResponse<byte[]> fetch(RegistryUpstream upstream) throws Exception {
    return upstream.fetch(REPOSITORY, MANIFEST_PATH, false, Map.of(), 1 << 20).get(10, TimeUnit.SECONDS);
  }

  @Test
  void aChallengeIsAnsweredWithAnAnonymousTokenThatIsThenReused() throws Exception {
    RegistryUpstream upstream = upstream(Optional.empty());

    assertEquals(200, fetch(upstream).statusCode());
    assertEquals(200, fetch(upstream).statusCode());

    assertEquals(List.of("service=registry.test&scope=repository%3Aacme%2Fapp%3Apull anonymous"), tokenRequests);
    assertEquals(List.of("", "Bearer tok-1", "Bearer tok-1"), registryAuthorizations);
  }

  @Test
  void configuredCredentialsGoToTheTokenServiceOnly() throws Exception {
    RegistryUpstream upstream = upstream(Optional.of(new OciConfig.Credentials("robot", "s3cret")));

    assertEquals(200, fetch(upstream).statusCode());

    assertEquals(1, tokenRequests.size());
    assertEquals(BASIC, tokenRequests.get(0).substring(tokenRequests.get(0).indexOf(' ') + 1));
    assertEquals(List.of("", "Bearer tok-1"), registryAuthorizations);
  }

  @Test
  void aBlobDownloadGetsTheTokenOfTheChallengeSeenBefore() throws Exception {
    RegistryUpstream upstream = upstream(Optional.empty());
    assertEquals(Map.of(), upstream.downloadHeaders(REPOSITORY).get(10, TimeUnit.SECONDS), "no challenge seen yet");

    fetch(upstream);

    assertEquals(Map.of("Authorization", List.of("Bearer tok-1")),
        upstream.downloadHeaders(REPOSITORY).get(10, TimeUnit.SECONDS));
  }

  @Test
  void aBasicChallengeIsAnsweredWithTheCredentials() throws Exception {
    challenge = "Basic realm=\"registry.test\"";

    assertEquals(200, fetch(upstream(Optional.of(new OciConfig.Credentials("robot", "s3cret")))).statusCode());
    assertEquals(401, fetch(upstream(Optional.empty())).statusCode(), "without credentials the 401 stands");
    assertEquals(List.of(), tokenRequests);
  }

  @Test
  void aSmallBlobIsFetchedThroughTheUpstreamsRedirectWithoutItsToken() throws Exception {
    HttpResponse<byte[]> blob = upstream(Optional.empty())
        .fetchBlob(REPOSITORY, "/v2/acme/app/blobs/payload", 1 << 10).get(10, TimeUnit.SECONDS);

    assertEquals(200, blob.statusCode());
    assertEquals("signature payload", new String(blob.body(), StandardCharsets.UTF_8));
    assertEquals(List.of(""), cdnAuthorizations, "the redirect target gets no credentials");
  }

  @Test
  void aRedirectLoopEndsTheBlobFetch() {
    CompletableFuture<HttpResponse<byte[]>> blob = upstream(Optional.empty())
        .fetchBlob(REPOSITORY, "/v2/acme/app/blobs/loop", 1 << 10);

    ExecutionException failed = assertThrows(ExecutionException.class, () -> blob.get(10, TimeUnit.SECONDS));
    assertTrue(failed.getCause().getMessage().contains("refused to follow a redirect"), failed.getCause().getMessage());
    assertEquals(5, cdnAuthorizations.size(), "five redirects are followed (the registry's and four at the CDN), not a sixth");
  }
}
