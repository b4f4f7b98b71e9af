package dev.tollgate.gateway.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.gateway.Gateway;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * A real gateway with its admin API open to one token: the PyPI route for agents' requests on one
 * port, the admin API on another, both on ephemeral loopback ports. Helpers send agent requests
 * and admin requests as a client would.
 */
final class AdminGateway implements AutoCloseable {

  static final String TOKEN = "it-admin-token-7c1f";
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Gateway gateway;
  private final Path configDir;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

  private AdminGateway(Gateway gateway, Path configDir) {
    this.gateway = gateway;
    this.configDir = configDir;
  }

  /** Starts a gateway in allow-list mode on {@code pypiPolicy}, with the admin token in a tokens file. */
  static AdminGateway start(Path workDir, UpstreamServer upstream, String pypiPolicy) throws Exception {
    Path configDir = Files.createDirectories(workDir.resolve("conf"));
    Files.writeString(configDir.resolve("admin-tokens"), "# admin tokens, one a line\n" + TOKEN + "\n");
    ConfiguredGateway.Started started = ConfiguredGateway.start(workDir, """
        server: { host: 127.0.0.1, port: 0, shutdownGrace: 100ms }
        pypi:   { upstream: "%s" }
        policy: { mode: allowlist, enforcement: enforce }
        admin:  { host: 127.0.0.1, port: 0, tokensFile: admin-tokens }
        """.formatted(upstream.simpleUrl()), "pypi", pypiPolicy, GatewayUnderTest.POPULAR_NAMES);
    return new AdminGateway(started.gateway(), configDir);
  }

  Path policyFile() {
    return configDir.resolve("policy").resolve("pypi.yaml");
  }

  String adminUrl() {
    return "http://127.0.0.1:" + gateway.adminPort();
  }

  /**
   * What policy made of an agent's request for a project page: {@code allow}, or {@code deny} (a
   * refused project's page is served empty, with the decision in {@code X-Tollgate-Decision}).
   */
  String page(String project) throws IOException, InterruptedException {
    HttpResponse<String> page = agent("/pypi/simple/" + project + "/", Optional.empty());
    if (page.statusCode() != 200) {
      return "status " + page.statusCode() + ": " + page.body();
    }
    return page.headers().firstValue("X-Tollgate-Decision").map(d -> d.split(";")[0]).orElse("allow");
  }

  /** The decision id ({@code ref}) of a refused project page; fails the test when the page was not refused. */
  String refusalRef(String project) throws IOException, InterruptedException {
    String decision = agent("/pypi/simple/" + project + "/", Optional.empty()).headers()
        .firstValue("X-Tollgate-Decision").orElseThrow(() -> new AssertionError(project + " was not refused"));
    return decision.substring(decision.indexOf("ref=") + "ref=".length()).trim();
  }

  /** A GET on the agents' port, with an {@code Authorization} header when given. */
  HttpResponse<String> agent(String path, Optional<String> authorization) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + path))
        .timeout(TIMEOUT);
    authorization.ifPresent(a -> request.header("Authorization", a));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** An admin request with the valid token. */
  Reply admin(String method, String path, Optional<String> ifMatch, String body) throws IOException, InterruptedException {
    return admin(method, path, ifMatch, body, Optional.of("Bearer " + TOKEN));
  }

  /** An admin request with {@code authorization} (empty: none). */
  Reply admin(String method, String path, Optional<String> ifMatch, String body, Optional<String> authorization)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(adminUrl() + path)).timeout(TIMEOUT)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    authorization.ifPresent(a -> request.header("Authorization", a));
    ifMatch.ifPresent(tag -> request.header("If-Match", tag));
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Reply(response.statusCode(), JSON.readTree(response.body()), response.headers().firstValue("ETag"),
        response.headers().firstValue("WWW-Authenticate"));
  }

  /** An admin answer: status, JSON body, ETag and challenge headers. */
  record Reply(int status, JsonNode body, Optional<String> etag, Optional<String> challenge) {}

  @Override
  public void close() {
    gateway.close();
  }
}
