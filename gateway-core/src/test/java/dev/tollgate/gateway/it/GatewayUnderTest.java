package dev.tollgate.gateway.it;

import dev.tollgate.gateway.Gateway;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real gateway, started in-process the way an operator starts it: from a configuration
 * directory (tollgate.yaml, the PyPI policy file, the protected popular names), listening on an
 * ephemeral loopback port, with its own data directory for the disk cache and the audit log.
 */
final class GatewayUnderTest implements AutoCloseable {

  /** Names the typosquat detector protects in every test: a popular name and its classic misspelling. */
  static final String POPULAR_NAMES = "requests\n";

  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

  private final Gateway gateway;
  private final Path dataDir;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();

  private GatewayUnderTest(Gateway gateway, Path dataDir) {
    this.gateway = gateway;
    this.dataDir = dataDir;
  }

  /**
   * Writes a configuration into {@code workDir} for {@code upstream} and the PyPI policy
   * {@code policyYaml} (enforced allow-list mode; metadata fresh for 1 s, then served stale for up
   * to an hour; a short shutdown grace, as nothing is in flight when a test ends), and starts the
   * gateway on it.
   */
  static GatewayUnderTest start(Path workDir, UpstreamServer upstream, String policyYaml) throws Exception {
    ConfiguredGateway.Started started = ConfiguredGateway.start(workDir, """
        server: { host: 127.0.0.1, port: 0, shutdownGrace: 100ms }
        pypi:   { upstream: "%s" }
        policy: { mode: allowlist, enforcement: enforce }
        cache:  { metadataTtl: 1s, metadataStaleFor: 1h }
        """.formatted(upstream.simpleUrl()), "pypi", policyYaml, POPULAR_NAMES);
    return new GatewayUnderTest(started.gateway(), started.dataDir());
  }

  int port() {
    return gateway.port();
  }

  /** What a pip user passes as {@code --index-url}. */
  String indexUrl() {
    return "http://127.0.0.1:" + port() + "/pypi/simple/";
  }

  /** The URL under which the gateway serves a project's file. */
  String fileUrl(String project, String fileName) {
    return "http://127.0.0.1:" + port() + "/pypi/files/" + project + "/" + fileName;
  }

  /** Fetches a project page in {@code format}, as a client asking only for that rendering would. */
  HttpResponse<String> page(String project, SimpleApiFormat format) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(indexUrl() + project + "/"))
        .header("Accept", format.mediaType())
        .timeout(REQUEST_TIMEOUT)
        .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** Starts a download and returns once the status and headers are in; the body is left to the caller. */
  HttpResponse<InputStream> download(String project, String fileName)
      throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(fileUrl(project, fileName))).timeout(REQUEST_TIMEOUT)
        .build();
    return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
  }

  /** The disk cache the gateway keeps under its data directory. */
  Path cacheDir() {
    return dataDir.resolve("cache");
  }

  AuditTrail audit() {
    return new AuditTrail(dataDir.resolve("audit.log"));
  }

  @Override
  public void close() {
    gateway.close();
  }
}
