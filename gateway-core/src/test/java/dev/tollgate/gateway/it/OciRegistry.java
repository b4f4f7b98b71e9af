package dev.tollgate.gateway.it;

import dev.tollgate.adapter.sigstore.testing.OciArtifact;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A real OCI registry for the gateway to stand in front of: Debian's docker-registry with its own
 * configuration and storage in a test directory, on an ephemeral loopback port, holding what the
 * tests push to it with skopeo. Optionally it demands bearer tokens from a {@link TokenServer}. Its
 * log says which requests reached it and is the diagnostic to print when a test fails.
 */
final class OciRegistry implements AutoCloseable {

  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(20);
  private static final Duration POLL_INTERVAL = Duration.ofMillis(50);

  private final Path storage;
  private final Path log;
  private final int port;
  private final Process process;

  private OciRegistry(Path storage, Path log, int port, Process process) {
    this.storage = storage;
    this.log = log;
    this.port = port;
    this.process = process;
  }

  /** Starts an open registry (no authentication) in {@code workDir}. */
  static OciRegistry start(OciTools tools, Path workDir) throws IOException, InterruptedException {
    return start(tools, workDir, Optional.empty());
  }

  /** Starts a registry that answers 401 with a Bearer challenge naming {@code tokens} as its realm. */
  static OciRegistry startWithTokens(OciTools tools, Path workDir, TokenServer tokens)
      throws IOException, InterruptedException {
    return start(tools, workDir, Optional.of(tokens));
  }

  private static OciRegistry start(OciTools tools, Path workDir, Optional<TokenServer> tokens)
      throws IOException, InterruptedException {
    Path storage = Files.createDirectories(workDir.resolve("storage"));
    int port = freeLoopbackPort();
    String auth = tokens.map(t -> """
        auth:
          token:
            realm: %s
            service: %s
            issuer: %s
            rootcertbundle: %s
        """.formatted(t.realm(), TokenServer.SERVICE, TokenServer.ISSUER, t.certificate())).orElse("");
    Path config = workDir.resolve("config.yml");
    Files.writeString(config, """
        version: 0.1
        log: {level: info, formatter: text, accesslog: {disabled: false}}
        storage:
          filesystem: {rootdirectory: %s}
          delete: {enabled: true}
        http:
          addr: 127.0.0.1:%d
        %s""".formatted(storage, port, auth), StandardCharsets.UTF_8);
    Path log = workDir.resolve("registry.log");
    Process process = new ProcessBuilder(tools.registry().toString(), "serve", config.toString())
        .directory(workDir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    process.getOutputStream().close();
    OciRegistry registry = new OciRegistry(storage, log, port, process);
    try {
      registry.awaitReady();
    } catch (InterruptedException | RuntimeException | AssertionError e) {
      registry.close();
      throw e;
    }
    return registry;
  }

  /** Binds port 0 to learn a free port, then releases it for the registry (or nobody) to take. */
  static int freeLoopbackPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private void awaitReady() throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest ping = HttpRequest.newBuilder(URI.create(url() + "v2/")).timeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError("docker-registry exited with code " + process.exitValue() + ":\n" + log());
      }
      try {
        int status = http.send(ping, HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status == 200 || status == 401) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(POLL_INTERVAL.toMillis());
    }
    throw new AssertionError("docker-registry on port " + port + " did not answer within " + STARTUP_TIMEOUT + ":\n"
        + log());
  }

  /** The base URL, e.g. {@code http://127.0.0.1:5001/}. */
  String url() {
    return "http://" + authority() + "/";
  }

  /** {@code 127.0.0.1:PORT}, as image references name the registry. */
  String authority() {
    return "127.0.0.1:" + port;
  }

  /** Where the registry keeps a blob's bytes, to tamper with them behind its back. */
  Path blobFile(String digest) {
    String hex = digest.substring(digest.indexOf(':') + 1);
    return storage.resolve("docker/registry/v2/blobs/sha256/" + hex.substring(0, 2) + "/" + hex + "/data");
  }

  /** Stores {@code json} as the manifest {@code repository:tag}, straight into the registry (no client does this). */
  void putManifest(String repository, String tag, String mediaType, String json)
      throws IOException, InterruptedException {
    putManifest(repository, tag, mediaType, json.getBytes(StandardCharsets.UTF_8));
  }

  /** Stores {@code manifest} under {@code reference} (a tag, or its own digest), byte for byte. */
  void putManifest(String repository, String reference, String mediaType, byte[] manifest)
      throws IOException, InterruptedException {
    HttpResponse<String> response = send(HttpRequest.newBuilder(
            URI.create(url() + "v2/" + repository + "/manifests/" + reference))
        .header("Content-Type", mediaType)
        .PUT(HttpRequest.BodyPublishers.ofByteArray(manifest)));
    if (response.statusCode() != 201) {
      throw new AssertionError("the registry refused the manifest " + repository + ":" + reference + ": "
          + response.statusCode() + " " + response.body());
    }
  }

  /** Stores {@code artifact} (a signature, a referrer) in {@code repository}: its blobs, then its manifest. */
  void putArtifact(String repository, OciArtifact artifact) throws IOException, InterruptedException {
    for (Map.Entry<String, byte[]> blob : artifact.blobs().entrySet()) {
      putBlob(repository, blob.getKey(), blob.getValue());
    }
    putManifest(repository, artifact.tag() == null ? artifact.manifestDigest() : artifact.tag(),
        artifact.mediaType(), artifact.manifest());
  }

  /** Uploads {@code blob} (whose digest is {@code digest}) to {@code repository} in one piece. */
  void putBlob(String repository, String digest, byte[] blob) throws IOException, InterruptedException {
    HttpResponse<String> started = send(HttpRequest.newBuilder(URI.create(url() + "v2/" + repository
        + "/blobs/uploads/")).POST(HttpRequest.BodyPublishers.noBody()));
    String location = started.headers().firstValue("Location").orElseThrow(() -> new AssertionError(
        "the registry started no upload: " + started.statusCode() + " " + started.body()));
    URI upload = URI.create(url()).resolve(location);
    HttpResponse<String> done = send(HttpRequest.newBuilder(URI.create(upload + (upload.getQuery() == null ? "?" : "&")
            + "digest=" + digest))
        .header("Content-Type", "application/octet-stream")
        .PUT(HttpRequest.BodyPublishers.ofByteArray(blob)));
    if (done.statusCode() != 201) {
      throw new AssertionError("the registry refused the blob " + digest + ": " + done.statusCode() + " " + done.body());
    }
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return HttpClient.newHttpClient().send(request.timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Everything the registry has logged so far. */
  String log() {
    return ChildProcesses.log(log);
  }

  /** How many logged requests asked for {@code path} (an access-log match on the request line). */
  long requestsFor(String path) {
    return log().lines().filter(line -> line.contains("\"GET " + path + " ") || line.contains("\"HEAD " + path + " "))
        .count();
  }

  @Override
  public void close() {
    ChildProcesses.stop(process);
  }
}
