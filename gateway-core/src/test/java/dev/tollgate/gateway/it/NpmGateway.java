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
 * A real gateway in front of an {@link NpmUpstream}, started in-process the way an operator starts
 * it: from a configuration directory (tollgate.yaml, the npm policy file, the protected popular
 * names), on an ephemeral loopback port, with its own data directory for the cache and audit log.
 */
final class NpmGateway implements AutoCloseable {

  /** A popular name the typosquat detector protects, so that its misspelling {@code lodahs} is refused. */
  static final String POPULAR_NAMES = "lodash\n";

  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

  private final Gateway gateway;
  private final Path dataDir;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();

  private NpmGateway(Gateway gateway, Path dataDir) {
    this.gateway = gateway;
    this.dataDir = dataDir;
  }

  /**
   * Writes a configuration into {@code workDir} for {@code upstream} and the npm policy
   * {@code policyYaml} (enforced allow-list mode; a short shutdown grace, as nothing is in flight
   * when a test ends), and starts the gateway on it.
   */
  static NpmGateway start(Path workDir, NpmUpstream upstream, String policyYaml) throws Exception {
    return start(workDir, upstream, policyYaml, "");
  }

  /**
   * As {@link #start(Path, NpmUpstream, String)}, with {@code npmPrivateYaml} (for example
   * {@code private: { upstream: "...", scopes: ["@acme"] }}) added to the {@code npm} settings.
   */
  static NpmGateway start(Path workDir, NpmUpstream upstream, String policyYaml, String npmPrivateYaml)
      throws Exception {
    ConfiguredGateway.Started started = ConfiguredGateway.start(workDir, """
        server: { host: 127.0.0.1, port: 0, shutdownGrace: 100ms }
        npm:    { upstream: "%s" %s }
        policy: { mode: allowlist, enforcement: enforce }
        """.formatted(upstream.url(), npmPrivateYaml.isEmpty() ? "" : ", " + npmPrivateYaml),
        "npm", policyYaml, POPULAR_NAMES);
    return new NpmGateway(started.gateway(), started.dataDir());
  }

  int port() {
    return gateway.port();
  }

  /** What an npm, pnpm or yarn user configures as the registry. */
  String registryUrl() {
    return "http://127.0.0.1:" + port() + "/npm/";
  }

  /** The URL under which the gateway serves a tarball: the upstream's tarball path under the registry URL. */
  String tarballUrl(String name, String version) {
    return registryUrl() + name + "/-/" + name.substring(name.indexOf('/') + 1) + "-" + version + ".tgz";
  }

  /** Sends {@code GET <registry>/<path>} with {@code accept} and reads the answer as text. */
  HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(registryUrl() + path)).header("Accept", accept));
  }

  /** Sends {@code GET <registry>/<path>} with {@code If-None-Match: etag}, as a client revalidating its cache does. */
  HttpResponse<String> getIfNoneMatch(String path, String etag) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(registryUrl() + path)).header("If-None-Match", etag));
  }

  /** Sends {@code PUT <registry>/<path>} with a JSON body, as {@code npm publish} does. */
  HttpResponse<String> putJson(String path, String json) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(registryUrl() + path))
        .header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** Starts {@code GET <registry>/<path>} and returns once the status and headers are in; the body is the caller's. */
  HttpResponse<InputStream> download(String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create(registryUrl() + path)).timeout(REQUEST_TIMEOUT).build(),
        HttpResponse.BodyHandlers.ofInputStream());
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return http.send(request.timeout(REQUEST_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The gateway's data directory: the disk cache and the audit log. */
  Path dataDir() {
    return dataDir;
  }

  NpmAuditTrail audit() {
    return new NpmAuditTrail(dataDir.resolve("audit.log"));
  }

  @Override
  public void close() {
    gateway.close();
  }
}
