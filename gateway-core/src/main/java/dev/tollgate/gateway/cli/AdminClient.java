package dev.tollgate.gateway.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The CLI's side of the admin API: finds the URL and token ({@code --admin-url}, {@code --token}, else
 * {@code TOLLGATE_ADMIN_URL}, {@code TOLLGATE_ADMIN_TOKEN}), sends a request and hands back the JSON
 * answer, or throws with the API's own error sentence.
 */
final class AdminClient {

  /** The options every admin command accepts. */
  static final Set<String> OPTIONS = Set.of("--admin-url", "--token");
  private static final String DEFAULT_URL = "http://127.0.0.1:8081";
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI base;
  private final String token;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

  private AdminClient(URI base, String token) {
    this.base = base;
    this.token = token;
  }

  static AdminClient from(Options options, Map<String, String> env) throws UsageException {
    String url = options.get("--admin-url").or(() -> Optional.ofNullable(env.get("TOLLGATE_ADMIN_URL")))
        .filter(u -> !u.isBlank()).orElse(DEFAULT_URL);
    String token = options.get("--token").or(() -> Optional.ofNullable(env.get("TOLLGATE_ADMIN_TOKEN")))
        .filter(t -> !t.isBlank())
        .orElseThrow(() -> new UsageException("no admin token: pass --token or set TOLLGATE_ADMIN_TOKEN"));
    try {
      URI base = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
      if (base.getHost() == null || !"http".equals(base.getScheme()) && !"https".equals(base.getScheme())) {
        throw new UsageException("the admin URL must be http(s)://HOST:PORT, not '" + url + "'");
      }
      return new AdminClient(base, token.trim());
    } catch (IllegalArgumentException e) {
      throw new UsageException("the admin URL '" + url + "' is not a URL: " + e.getMessage());
    }
  }

  /** The answer of an admin request: status, JSON body, ETag (for a list). */
  record Reply(int status, JsonNode body, Optional<String> etag) {}

  /** {@code GET /admin/<path>}; throws unless the answer is 2xx. */
  JsonNode get(String path) throws IOException, InterruptedException, AdminRefusal {
    return succeeded(send("GET", path, Optional.empty(), null));
  }

  /** Sends {@code method /admin/<path>}, with {@code If-Match} and a JSON body when given; any status comes back. */
  Reply send(String method, String path, Optional<String> ifMatch, JsonNode body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/admin/" + path))
        .timeout(TIMEOUT)
        .header("Authorization", "Bearer " + token)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
    ifMatch.ifPresent(tag -> request.header("If-Match", tag));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    JsonNode parsed = response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
    return new Reply(response.statusCode(), parsed, response.headers().firstValue("ETag"));
  }

  /** The body of a 2xx reply; otherwise an {@link AdminRefusal} with the API's error sentence. */
  static JsonNode succeeded(Reply reply) throws AdminRefusal {
    if (reply.status() / 100 != 2) {
      throw new AdminRefusal(reply.status(), reply.body().path("error").asText("HTTP " + reply.status()));
    }
    return reply.body();
  }

  /** A path segment or query value, percent-encoded. */
  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** The admin API refused a request; the message is its sentence. */
  static final class AdminRefusal extends Exception {
    private static final long serialVersionUID = 1L;
    private final int status;

    AdminRefusal(int status, String message) {
      super("the admin API answered " + status + ": " + message);
      this.status = status;
    }

    int status() {
      return status;
    }
  }
}
