package dev.tollgate.gateway.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gateway process killed with SIGKILL (no shutdown hook, no close) keeps every audit line it had
 * written, each one whole, and a gateway started again on the same data directory appends after
 * them. The audit log runs without fsync here: surviving the death of the JVM must not depend on it.
 */
class AuditLogCrashIT {

  private static final int REQUESTS = 25;
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final Pattern LISTENING = Pattern.compile("Tollgate listening on (http://\\S+)");
  private static final Pattern REF = Pattern.compile("\\(ref ([0-9A-Z]{8})\\)");

  @TempDir Path work;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void linesWrittenBeforeAKillSurviveWholeAndARestartAppendsAfterThem() throws Exception {
    Path conf = Files.createDirectories(work.resolve("conf"));
    Path data = work.resolve("data");
    Files.writeString(conf.resolve("tollgate.yaml"), """
        server: { host: 127.0.0.1, port: 0 }
        pypi:   { upstream: "http://127.0.0.1:9/simple/" }
        npm:    { upstream: "http://127.0.0.1:9/" }
        audit:  { fsync: never }
        data: "%s"
        """.formatted(data));
    Files.createDirectories(conf.resolve("policy"));
    Files.createDirectories(conf.resolve("popular"));

    List<String> refs = new ArrayList<>();
    Process gateway = startGatewayProcess(conf);
    try {
      String base = awaitListening(gateway);
      for (int i = 0; i < REQUESTS; i++) {
        refs.add(refuse(base, "tg-crash-" + i));
      }
      AuditTrail trail = new AuditTrail(data.resolve("audit.log"));
      awaitLines(trail, REQUESTS);
      gateway.destroyForcibly();
      assertTrue(gateway.waitFor(10, TimeUnit.SECONDS), "the gateway process did not die on SIGKILL");
    } finally {
      ChildProcesses.stop(gateway);
    }

    assertEquals(refs, ids(new AuditTrail(data.resolve("audit.log")).entries()),
        "after the kill, the log holds every refusal the client saw, in order, each line whole");

    Process restarted = startGatewayProcess(conf);
    try {
      refs.add(refuse(awaitListening(restarted), "tg-after-restart"));
      awaitLines(new AuditTrail(data.resolve("audit.log")), REQUESTS + 1);
    } finally {
      ChildProcesses.stop(restarted);
    }
    assertEquals(refs, ids(new AuditTrail(data.resolve("audit.log")).entries()));
  }

  /** {@code tollgate serve} in a JVM of its own, on this test's class path. */
  private Process startGatewayProcess(Path conf) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "dev.tollgate.gateway.Main",
        "serve", "--config", conf.toString())
        .redirectErrorStream(true)
        .start();
  }

  /** Reads the process's output until it says where it listens (within a bound), then drains it in the background. */
  private static String awaitListening(Process process) throws Exception {
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    CompletableFuture<String> base = CompletableFuture.supplyAsync(() -> {
      try {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
          seen.append(line).append('\n');
          Matcher m = LISTENING.matcher(line);
          if (m.find()) {
            return m.group(1);
          }
        }
        return null;
      } catch (IOException e) {
        return null;
      }
    });
    String url = base.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    if (url == null) {
      throw new AssertionError("the gateway process did not start:\n" + seen);
    }
    CompletableFuture.runAsync(() -> out.lines().forEach(line -> { }));
    return url;
  }

  /** Asks for a file of a package no allow-list names; returns the refusal's id that the client is shown. */
  private String refuse(String base, String name) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(
            URI.create(base + "/pypi/files/" + name + "/" + name.replace('-', '_') + "-1.0-py3-none-any.whl"))
        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(403, response.statusCode(), response.body());
    Matcher ref = REF.matcher(response.body());
    assertTrue(ref.find(), response.body());
    return ref.group(1);
  }

  private static void awaitLines(AuditTrail trail, int count) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (trail.entries().size() < count) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the audit log did not reach " + count + " lines:\n" + trail.text());
      }
      Thread.sleep(20);
    }
  }

  private static List<String> ids(List<JsonNode> entries) {
    return entries.stream().map(e -> e.path("id").asText()).toList();
  }
}
