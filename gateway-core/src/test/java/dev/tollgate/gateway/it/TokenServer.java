package dev.tollgate.gateway.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Docker token server for a registry's {@code auth.token} setting, in the test's own process: it
 * grants every scope asked for as an RS256 JWT whose {@code x5c} header carries a self-signed
 * certificate (made with keytool), which the registry checks against {@code rootcertbundle}. With
 * credentials it grants only to a client that presents them (HTTP Basic). It records each request
 * so tests can see who fetched tokens, for which scope, and with what credentials.
 */
final class TokenServer implements AutoCloseable {

  static final String SERVICE = "tollgate-test-registry";
  static final String ISSUER = "tollgate-test-issuer";
  private static final String STORE_PASSWORD = "tollgate-test";
  private static final Duration LIFETIME = Duration.ofMinutes(5);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Base64.Encoder URL_BASE64 = Base64.getUrlEncoder().withoutPadding();

  /** One token request: its query, the {@code Authorization} it carried (empty: anonymous), its User-Agent. */
  record Request(String query, Optional<String> authorization, String userAgent) {}

  private final HttpServer server;
  private final PrivateKey key;
  private final String x5c;
  private final Path certificate;
  private final Optional<String> basicCredentials;
  private final List<Request> requests = new CopyOnWriteArrayList<>();

  private TokenServer(HttpServer server, PrivateKey key, Certificate cert, Path certificate,
      Optional<String> basicCredentials) throws GeneralSecurityException {
    this.server = server;
    this.key = key;
    this.x5c = Base64.getEncoder().encodeToString(cert.getEncoded());
    this.certificate = certificate;
    this.basicCredentials = basicCredentials;
  }

  /**
   * Makes a key pair and certificate in {@code workDir} and starts serving on a loopback port.
   * {@code username}/{@code password} both null: tokens for anyone.
   */
  static TokenServer start(OciTools tools, Path workDir, String username, String password) throws Exception {
    Path store = workDir.resolve("token-key.p12");
    Command.Result made = Command.run(List.of(tools.keytool().toString(), "-genkeypair", "-alias", "token",
        "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=tollgate-test-token", "-validity", "30",
        "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", STORE_PASSWORD,
        "-keypass", STORE_PASSWORD), env -> { }, Duration.ofSeconds(60));
    if (made.exitCode() != 0) {
      throw new AssertionError("keytool could not make the token server's key:\n" + made.describe());
    }
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      keys.load(in, STORE_PASSWORD.toCharArray());
    }
    Certificate cert = keys.getCertificate("token");
    Path pem = workDir.resolve("token-cert.pem");
    Files.writeString(pem, "-----BEGIN CERTIFICATE-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(cert.getEncoded())
        + "\n-----END CERTIFICATE-----\n", StandardCharsets.US_ASCII);
    HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    Optional<String> basic = username == null ? Optional.empty() : Optional.of("Basic " + Base64.getEncoder()
        .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
    TokenServer tokens = new TokenServer(http, (PrivateKey) keys.getKey("token", STORE_PASSWORD.toCharArray()), cert,
        pem, basic);
    http.createContext("/token", tokens::handle);
    http.start();
    return tokens;
  }

  /** The realm the registry names in its challenge. */
  String realm() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/token";
  }

  /** The PEM file the registry trusts tokens from. */
  Path certificate() {
    return certificate;
  }

  List<Request> requests() {
    return List.copyOf(requests);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String query = Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse("");
      Optional<String> authorization = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization"));
      requests.add(new Request(URLDecoder.decode(query, StandardCharsets.UTF_8), authorization,
          Optional.ofNullable(exchange.getRequestHeaders().getFirst("User-Agent")).orElse("")));
      if (basicCredentials.isPresent() && !basicCredentials.equals(authorization)) {
        exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"tollgate-test\"");
        exchange.sendResponseHeaders(401, -1);
        return;
      }
      byte[] body;
      try {
        body = tokenResponse(query);
      } catch (GeneralSecurityException e) {
        exchange.sendResponseHeaders(500, -1);
        return;
      }
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
    }
  }

  private byte[] tokenResponse(String rawQuery) throws IOException, GeneralSecurityException {
    Instant now = Instant.now();
    ObjectNode claims = JSON.createObjectNode().put("iss", ISSUER).put("sub", "tollgate-test").put("aud", SERVICE)
        .put("exp", now.plus(LIFETIME).getEpochSecond()).put("nbf", now.getEpochSecond() - 10)
        .put("iat", now.getEpochSecond()).put("jti", UUID.randomUUID().toString());
    ArrayNode access = claims.putArray("access");
    for (String parameter : rawQuery.split("&")) {
      if (parameter.startsWith("scope=")) {
        String[] scope = URLDecoder.decode(parameter.substring(6), StandardCharsets.UTF_8).split(":", 3);
        if (scope.length == 3) {
          ObjectNode grant = access.addObject().put("type", scope[0]).put("name", scope[1]);
          ArrayNode actions = grant.putArray("actions");
          for (String action : scope[2].split(",")) {
            actions.add(action);
          }
        }
      }
    }
    ObjectNode header = JSON.createObjectNode().put("typ", "JWT").put("alg", "RS256");
    header.putArray("x5c").add(x5c);
    String signingInput = URL_BASE64.encodeToString(JSON.writeValueAsBytes(header)) + "."
        + URL_BASE64.encodeToString(JSON.writeValueAsBytes(claims));
    Signature rsa = Signature.getInstance("SHA256withRSA");
    rsa.initSign(key);
    rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
    String token = signingInput + "." + URL_BASE64.encodeToString(rsa.sign());
    return JSON.writeValueAsBytes(JSON.createObjectNode().put("token", token)
        .put("expires_in", LIFETIME.toSeconds()).put("issued_at", now.toString()));
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
