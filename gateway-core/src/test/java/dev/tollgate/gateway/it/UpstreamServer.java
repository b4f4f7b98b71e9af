package dev.tollgate.gateway.it;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real PyPI upstream for the gateway: a python3 process serving a {@link FixtureIndex} on an
 * ephemeral loopback port, either as PEP 503 HTML ({@code python3 -m http.server}, static files)
 * or as PEP 691 JSON only (the {@code pep691_upstream.py} script). Its access log (stderr) tells
 * the tests which requests reached the upstream, and is the diagnostic to print when one fails.
 */
final class UpstreamServer implements AutoCloseable {

  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
  private static final Pattern ACCESS_LOG_REQUEST = Pattern.compile("\"[A-Z]+ (\\S*) HTTP/[0-9.]+\"");
  private static final String JSON_SCRIPT = "pep691_upstream.py";

  private final SimpleApiFormat format;
  private final int port;
  private final Process process;
  private final Path log;

  private UpstreamServer(SimpleApiFormat format, int port, Process process, Path log) {
    this.format = format;
    this.port = port;
    this.process = process;
    this.log = log;
  }

  /**
   * Starts an upstream serving {@code index} and returns once it answers; {@code workDir} receives
   * its log (and the JSON script). Fails with the process's output if it does not come up in 10 s.
   */
  static UpstreamServer start(SimpleApiFormat format, FixtureIndex index, Python python, Path workDir)
      throws IOException, InterruptedException {
    int port = freeLoopbackPort();
    Path log = Files.createTempFile(workDir, "upstream-" + format.name().toLowerCase(Locale.ROOT) + "-", ".log");
    List<String> command = switch (format) {
      case HTML -> python.command("-m", "http.server", String.valueOf(port), "--bind", "127.0.0.1",
          "--directory", index.root().toString());
      case JSON -> python.command(copyJsonScript(workDir).toString(), String.valueOf(port), index.root().toString());
    };
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("PYTHONUNBUFFERED", "1");
    UpstreamServer upstream = new UpstreamServer(format, port, builder.start(), log);
    upstream.process.getOutputStream().close();
    upstream.awaitReady();
    return upstream;
  }

  /** Binds port 0 to learn a free port, then releases it for the upstream to take. */
  private static int freeLoopbackPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static Path copyJsonScript(Path workDir) throws IOException {
    Path script = workDir.resolve(JSON_SCRIPT);
    try (InputStream resource = UpstreamServer.class.getResourceAsStream("/it/" + JSON_SCRIPT)) {
      if (resource == null) {
        throw new IllegalStateException("test resource it/" + JSON_SCRIPT + " is missing from the classpath");
      }
      Files.copy(resource, script, StandardCopyOption.REPLACE_EXISTING);
    }
    return script;
  }

  private void awaitReady() throws InterruptedException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
    HttpRequest probe = HttpRequest.newBuilder(URI.create(simpleUrl())).timeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
    String lastProblem = "no answer yet";
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError("the " + format + " upstream exited with code " + process.exitValue()
            + " before answering:\n" + log());
      }
      try {
        int status = client.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status == 200) {
          return;
        }
        lastProblem = "HTTP " + status;
      } catch (IOException e) {
        lastProblem = e.toString();
      }
      Thread.sleep(POLL_INTERVAL.toMillis());
    }
    close();
    throw new AssertionError("the " + format + " upstream on port " + port + " did not answer GET /simple/ within "
        + STARTUP_TIMEOUT + " (" + lastProblem + "); its output:\n" + log());
  }

  /** The Simple API root the gateway is configured with, e.g. {@code http://127.0.0.1:8105/simple/}. */
  String simpleUrl() {
    return "http://127.0.0.1:" + port + "/simple/";
  }

  /** {@code host:port}, to check that nothing a client saw points past the gateway. */
  String authority() {
    return "127.0.0.1:" + port;
  }

  /** How many requests have reached the upstream so far; a mark for {@link #requestTargetsSince}. */
  int requestCount() {
    return requestTargets().size();
  }

  /** The request targets (path and query, as sent) of every request after {@code mark}. */
  List<String> requestTargetsSince(int mark) {
    List<String> all = requestTargets();
    return all.subList(Math.min(mark, all.size()), all.size());
  }

  private List<String> requestTargets() {
    return log().lines().map(ACCESS_LOG_REQUEST::matcher).filter(Matcher::find).map(m -> m.group(1)).toList();
  }

  /** Everything the upstream process has printed: its access log and any errors. */
  String log() {
    return ChildProcesses.log(log);
  }

  /** Stops the process (by its own handle, never by name) and waits for it to go. */
  @Override
  public void close() {
    ChildProcesses.stop(process);
  }
}
