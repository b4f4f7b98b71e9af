package dev.tollgate.gateway.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
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
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real npm registry for the gateway to stand in front of: verdaccio, with its own configuration
 * and storage in a test directory, no uplink, on an ephemeral loopback port, holding exactly what
 * the tests publish to it with real {@code npm publish}. Its log says which requests reached it and
 * is the diagnostic to print when a test fails.
 */
final class NpmUpstream implements AutoCloseable {

  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
  private static final String CONFIG_TEMPLATE = "/it/npm/verdaccio.yaml";
  /** Verdaccio logs one such line when a request arrives, e.g. {@code requested 'GET /tg-left-pad'}. */
  private static final Pattern REQUEST_LINE = Pattern.compile("requested '([A-Z]+ \\S+)'");
  private static final String PUBLISHER = "tg-publisher";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path storage;
  private final Path log;
  private final int port;
  private final Process process;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();
  private final AtomicInteger marks = new AtomicInteger();
  private NpmClients publisher;

  private NpmUpstream(Path storage, Path log, int port, Process process) {
    this.storage = storage;
    this.log = log;
    this.port = port;
    this.process = process;
  }

  /**
   * Starts verdaccio in {@code workDir} (new or empty) and returns once it answers and a user that
   * may publish exists. Fails with verdaccio's output if it does not come up in 30 s.
   */
  static NpmUpstream start(NpmTools tools, Path workDir) throws IOException, InterruptedException {
    Path storage = Files.createDirectories(workDir.resolve("storage"));
    Path config = workDir.resolve("config.yaml");
    Files.writeString(config, configTemplate()
        .replace("${storage}", storage.toString())
        .replace("${htpasswd}", workDir.resolve("htpasswd").toString()), StandardCharsets.UTF_8);
    Path log = workDir.resolve("verdaccio.log");
    int port = freeLoopbackPort();
    Process process = new ProcessBuilder(tools.verdaccio().toString(), "--config", config.toString(),
        "--listen", "127.0.0.1:" + port)
        .directory(workDir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    process.getOutputStream().close();
    NpmUpstream upstream = new NpmUpstream(storage, log, port, process);
    try {
      upstream.awaitReady();
      upstream.publisher = NpmClients.freshUser(tools, Files.createDirectories(workDir.resolve("publisher")),
          upstream.url(), "//" + upstream.authority() + "/:_authToken=" + upstream.createUser());
    } catch (IOException | InterruptedException | RuntimeException | AssertionError e) {
      upstream.close();
      throw e;
    }
    return upstream;
  }

  private static String configTemplate() throws IOException {
    try (InputStream resource = NpmUpstream.class.getResourceAsStream(CONFIG_TEMPLATE)) {
      if (resource == null) {
        throw new IllegalStateException("test resource " + CONFIG_TEMPLATE + " is missing from the classpath");
      }
      return new String(resource.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Binds port 0 to learn a free port, then releases it for verdaccio to take. */
  private static int freeLoopbackPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private void awaitReady() throws InterruptedException {
    HttpRequest ping = HttpRequest.newBuilder(URI.create(url() + "-/ping")).timeout(REQUEST_TIMEOUT).build();
    long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
    String lastProblem = "no answer yet";
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError("verdaccio exited with code " + process.exitValue() + " before answering:\n" + log());
      }
      try {
        int status = http.send(ping, HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status == 200) {
          return;
        }
        lastProblem = "HTTP " + status;
      } catch (IOException e) {
        lastProblem = e.toString();
      }
      Thread.sleep(POLL_INTERVAL.toMillis());
    }
    throw new AssertionError("verdaccio on port " + port + " did not answer GET /-/ping within " + STARTUP_TIMEOUT
        + " (" + lastProblem + "); its output:\n" + log());
  }

  /** Adds the publishing user the way {@code npm adduser} does (a CouchDB-style PUT) and returns its token. */
  private String createUser() throws IOException, InterruptedException {
    String body = JSON.createObjectNode().put("name", PUBLISHER).put("password", PUBLISHER + "-password").toString();
    HttpRequest request = HttpRequest.newBuilder(URI.create(url() + "-/user/org.couchdb.user:" + PUBLISHER))
        .header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(body))
        .timeout(REQUEST_TIMEOUT)
        .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    String token = response.statusCode() == 201 ? JSON.readTree(response.body()).path("token").asText("") : "";
    if (token.isEmpty()) {
      throw new AssertionError("verdaccio did not create the publishing user: " + response.statusCode() + " "
          + response.body() + "\n" + log());
    }
    return token;
  }

  /** Publishes {@code fixture} with {@code npm publish}, from a source directory written under {@code workDir}. */
  void publish(NpmFixturePackage fixture, Path workDir) throws IOException, InterruptedException {
    Path source = fixture.writeSource(workDir.resolve(fixture.id().replace('/', '+')));
    Command.Result result = publisher.npm("publish", source.toString());
    if (result.exitCode() != 0) {
      throw new AssertionError("cannot publish " + fixture.id() + " to verdaccio:\n" + result.describe()
          + "\n--- verdaccio log ---\n" + log());
    }
  }

  /** Marks {@code name@version} deprecated with {@code message}, as its maintainer would with {@code npm deprecate}. */
  void deprecate(String name, String version, String message) throws IOException, InterruptedException {
    Command.Result result = publisher.npm("deprecate", name + "@" + version, message);
    if (result.exitCode() != 0) {
      throw new AssertionError("cannot deprecate " + name + "@" + version + ":\n" + result.describe()
          + "\n--- verdaccio log ---\n" + log());
    }
  }

  /** The registry URL a client or the gateway is configured with: {@code http://127.0.0.1:<port>/}. */
  String url() {
    return "http://" + authority() + "/";
  }

  /** {@code host:port}, to check that nothing a client saw points past the gateway. */
  String authority() {
    return "127.0.0.1:" + port;
  }

  /** The packument verdaccio itself serves for {@code name}: what the gateway must pass on faithfully. */
  JsonNode packument(String name) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url() + name.replace("/", "%2f")))
        .header("Accept", "application/json")
        .timeout(REQUEST_TIMEOUT)
        .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new AssertionError("verdaccio has no packument for " + name + ": " + response.statusCode() + "\n" + log());
    }
    return JSON.readTree(response.body());
  }

  /** The tarball file verdaccio serves for {@code name@version}, in its storage directory. */
  Path storedTarball(String name, String version) {
    String baseName = name.substring(name.indexOf('/') + 1);
    return storage.resolve(name).resolve(baseName + "-" + version + ".tgz");
  }

  /**
   * Marks the present point in verdaccio's request log, for {@link #requestsSince}. Verdaccio
   * writes its log asynchronously, so counting the lines logged so far could miss requests that
   * already arrived; instead this sends a request of its own and waits until it is logged, which
   * puts every earlier request before it.
   */
  String mark() throws IOException, InterruptedException {
    String mark = "GET /-/tollgate-test-mark-" + marks.incrementAndGet();
    HttpRequest request = HttpRequest.newBuilder(URI.create(url() + mark.substring("GET /".length())))
        .timeout(REQUEST_TIMEOUT).build();
    http.send(request, HttpResponse.BodyHandlers.discarding());
    long deadline = System.nanoTime() + REQUEST_TIMEOUT.toNanos();
    while (!requests().contains(mark)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("verdaccio did not log '" + mark + "' within " + REQUEST_TIMEOUT + ":\n" + log());
      }
      Thread.sleep(POLL_INTERVAL.toMillis());
    }
    return mark;
  }

  /** Every request (as {@code METHOD /path}) that reached verdaccio after {@code mark} and before now. */
  List<String> requestsSince(String mark) throws IOException, InterruptedException {
    String now = mark();
    List<String> all = requests();
    return all.subList(all.indexOf(mark) + 1, all.indexOf(now));
  }

  private List<String> requests() {
    return log().lines().map(REQUEST_LINE::matcher).filter(Matcher::find).map(m -> m.group(1)).toList();
  }

  /** Everything verdaccio has printed. */
  String log() {
    return ChildProcesses.log(log);
  }

  /** Stops verdaccio (by its own process handle, never by name) and waits for it to go. */
  @Override
  public void close() {
    ChildProcesses.stop(process);
  }
}
