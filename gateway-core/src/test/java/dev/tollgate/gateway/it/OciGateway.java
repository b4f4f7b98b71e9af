package dev.tollgate.gateway.it;

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
import java.util.List;
import java.util.Map;

/**
 * A real gateway in front of an {@link OciRegistry}, started in-process the way an operator starts
 * it: from a configuration directory (tollgate.yaml naming the registry as the default OCI upstream,
 * the OCI policy file, the protected popular names), on an ephemeral loopback port, with its own
 * data directory for the cache and audit log.
 */
final class OciGateway implements AutoCloseable {

  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

  private final Gateway gateway;
  private final Path dataDir;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();

  private OciGateway(Gateway gateway, Path dataDir) {
    this.gateway = gateway;
    this.dataDir = dataDir;
  }

  /**
   * Writes a configuration into {@code workDir} with {@code upstream} as the default OCI upstream
   * (keyed by its address) with what {@code upstreamYaml} adds (for example {@code credentials: {...}}),
   * the OCI policy {@code policyYaml} (enforced allow-list mode) and {@code library/ubuntu} on that
   * registry as a popular image (so its misspelling is a typosquat), and starts the gateway on it,
   * with {@code environment} seen by the configuration (credentials are read from it).
   */
  static OciGateway start(Path workDir, OciRegistry upstream, String policyYaml, String upstreamYaml,
      Map<String, String> environment) throws Exception {
    ConfiguredGateway.Started started = ConfiguredGateway.start(workDir, """
        server: { host: 127.0.0.1, port: 0, shutdownGrace: 100ms }
        oci:
          upstreams:
            - { key: "%s", url: "%s" %s }
        policy: { mode: allowlist, enforcement: enforce }
        """.formatted(upstream.authority(), upstream.url(), upstreamYaml.isEmpty() ? "" : ", " + upstreamYaml),
        "oci", policyYaml, upstream.authority() + "/library/ubuntu\n", environment);
    return new OciGateway(started.gateway(), started.dataDir());
  }

  /**
   * As {@link #start}, with the image signature policy {@code signaturesYaml} and {@code trustedRoot}
   * as the only trusted Sigstore root (where {@code sigstore.trustedRoots} looks by default).
   */
  static OciGateway startWithSignatures(Path workDir, OciRegistry upstream, String policyYaml, String signaturesYaml,
      byte[] trustedRoot) throws Exception {
    Path conf = workDir.resolve("conf");
    Files.writeString(Files.createDirectories(conf.resolve("policy")).resolve("signatures.yaml"), signaturesYaml,
        StandardCharsets.UTF_8);
    Files.write(Files.createDirectories(conf.resolve("sigstore")).resolve("trusted_root.json"), trustedRoot);
    return start(workDir, upstream, policyYaml, "", Map.of());
  }

  int port() {
    return gateway.port();
  }

  /** {@code 127.0.0.1:PORT}: what registries.conf names as the mirror. */
  String authority() {
    return "127.0.0.1:" + gateway.port();
  }

  /** Sends {@code method} to {@code /v2/<path>} with {@code headers} and reads the answer as text. */
  HttpResponse<String> send(String method, String path, Map<String, String> headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + authority() + "/v2/" + path))
        .timeout(REQUEST_TIMEOUT)
        .method(method, List.of("PUT", "POST", "PATCH").contains(method)
            ? HttpRequest.BodyPublishers.ofString("{}") : HttpRequest.BodyPublishers.noBody());
    headers.forEach(request::header);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Whether the verified artifact cache holds a file for {@code digest}. */
  boolean cacheHolds(String digest) throws IOException {
    String hex = digest.substring(digest.indexOf(':') + 1);
    Path root = dataDir.resolve("cache");
    if (!Files.exists(root)) {
      return false;
    }
    try (var files = Files.walk(root)) {
      return files.anyMatch(p -> p.getFileName().toString().contains(hex));
    }
  }

  OciAuditTrail audit() {
    return new OciAuditTrail(dataDir.resolve("audit.log"));
  }

  @Override
  public void close() {
    gateway.close();
  }
}
