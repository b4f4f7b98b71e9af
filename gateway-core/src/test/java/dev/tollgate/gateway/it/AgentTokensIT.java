package dev.tollgate.gateway.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.gateway.metrics.PrometheusText;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Agents identified by their tokens, end to end with real clients: pip with the token in its index
 * URL, npm with {@code _authToken} in its npmrc. The right token installs and the audit line names
 * the agent; a wrong or missing token gets a 401 that the client prints with a sentence saying
 * what to do, before anything reaches an upstream; an agent whose profile audits installs what
 * policy would refuse, logged as would-deny. Agent and admin tokens open only their own port. The
 * gateway's metrics, scraped over HTTP as Prometheus does, count what happened.
 */
@ExtendWith(NettyLeakCheck.class)
class AgentTokensIT {

  private static final String CI_TOKEN = "ci-0b7c1e9a4d2f6e8a1c3b5d7f";
  private static final String TRIAL_TOKEN = "trial-5e2a8c4f1b9d7e3a6c0f2b4d";
  private static final String WRONG_TOKEN = "not-a-token-of-this-gateway";

  private static final String ADMIN_TOKEN = "it-admin-token-metrics";
  private static final String TOLLGATE_YAML = """
      server: { host: 127.0.0.1, port: 0, shutdownGrace: 100ms }
      pypi:   { upstream: "%s" }
      npm:    { upstream: "%s" }
      policy: { mode: allowlist, enforcement: enforce }
      agents: { tokensFile: agents.yaml }
      admin:  { host: 127.0.0.1, port: 0, tokensFile: admin-tokens }
      profiles:
        trial: { enforcement: audit }
      """;
  private static final String AGENTS_YAML = """
      agents:
        - name: ci-runner
          token: "%s"
        - name: trial-bot
          token: "%s"
          profile: trial
      """.formatted(CI_TOKEN, TRIAL_TOKEN);

  @TempDir
  static Path shared;
  private static Python python;
  private static UpstreamServer pypi;
  private static NpmTools tools;
  private static NpmUpstream npm;

  @TempDir
  Path work;
  private ConfiguredGateway.Started gateway;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void startUpstreams() throws Exception {
    python = Python.require();
    FixtureIndex fixtures = FixtureIndex.write(shared.resolve("index"), List.of(
        FixtureRelease.of("tg-alpha", "1.0.0"), FixtureRelease.of("tg-gamma", "1.0.0"),
        FixtureRelease.of("tg-broken", "1.0.0").withTamperedFileOnDisk()));
    pypi = UpstreamServer.start(SimpleApiFormat.HTML, fixtures, python, shared);
    tools = NpmTools.require();
    npm = NpmUpstream.start(tools, shared.resolve("verdaccio"));
    npm.publish(NpmFixturePackage.of("tg-left-pad", "1.0.0"), shared.resolve("sources"));
  }

  @AfterAll
  static void stopUpstreams() {
    if (pypi != null) {
      pypi.close();
    }
    if (npm != null) {
      npm.close();
    }
  }

  @BeforeEach
  void startGateway() throws Exception {
    Path conf = Files.createDirectories(work.resolve("conf"));
    Files.writeString(conf.resolve("agents.yaml"), AGENTS_YAML, StandardCharsets.UTF_8);
    Files.writeString(conf.resolve("admin-tokens"), ADMIN_TOKEN + "\n", StandardCharsets.UTF_8);
    Files.writeString(Files.createDirectories(conf.resolve("policy")).resolve("npm.yaml"),
        "allow:\n  - name: tg-left-pad\n", StandardCharsets.UTF_8);
    gateway = ConfiguredGateway.start(work, TOLLGATE_YAML.formatted(pypi.simpleUrl(), npm.url()), "pypi",
        "allow:\n  - name: tg-alpha\n  - name: tg-broken\n", "requests\n");
  }

  @AfterEach
  void stopGateway() {
    if (gateway != null) {
      gateway.gateway().close();
    }
  }

  private String indexUrl(String credentials) {
    return "http://" + (credentials == null ? "" : credentials + "@") + "127.0.0.1:" + gateway.gateway().port()
        + "/pypi/simple/";
  }

  private String registryUrl() {
    return "http://127.0.0.1:" + gateway.gateway().port() + "/npm/";
  }

  private AuditTrail audit() {
    return new AuditTrail(gateway.dataDir().resolve("audit.log"));
  }

  /** Scrapes {@code /metrics} on the admin port as Prometheus does, and parses the text strictly. */
  private PrometheusText scrape() throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + gateway.gateway().adminPort() + "/metrics"))
            .header("Authorization", "Bearer " + ADMIN_TOKEN).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response.body());
    assertEquals("text/plain; version=0.0.4; charset=utf-8", response.headers().firstValue("Content-Type").orElse(""));
    return PrometheusText.parse(response.body());
  }

  private static String diagnostics(Command.Result result) {
    return result.describe();
  }

  @Test
  void pipWithTheAgentsTokenInTheIndexUrlInstallsAndTheAuditLineNamesTheAgent() throws Exception {
    PrometheusText before = scrape();
    Pip pip = Pip.inFreshVenv(python, work.resolve("venv"));

    Command.Result result = pip.install(indexUrl("ci-runner:" + CI_TOKEN), "tg-alpha");

    assertEquals(0, result.exitCode(), () -> diagnostics(result));
    assertEquals(Map.of("tg-alpha", "1.0.0"), pip.installed());
    JsonNode download = audit().await("tg-alpha", "1.0.0", "the download", e -> e.path("status").asInt() == 200);
    assertAll(
        () -> assertEquals("ci-runner", download.path("agent").asText(), download::toString),
        () -> assertEquals("ci-runner", audit().awaitPage("tg-alpha").path("agent").asText()),
        () -> assertFalse(audit().text().contains(CI_TOKEN), "the audit log holds the token:\n" + audit().text()));

    PrometheusText after = scrape();
    Map<String, String> allowed = Map.of("ecosystem", "pypi", "verdict", "allow", "rule", "allow-list");
    Map<String, String> answered = Map.of("ecosystem", "pypi", "method", "GET", "status", "2xx");
    assertAll("metrics before:\n" + before.samples() + "\nafter:\n" + after.samples(),
        () -> assertEquals(before.valueOrZero("tollgate_decisions_total", allowed) + 2,
            after.valueOrZero("tollgate_decisions_total", allowed), "a page and a file allowed"),
        () -> assertEquals(before.valueOrZero("tollgate_requests_total", answered) + 2,
            after.valueOrZero("tollgate_requests_total", answered)),
        () -> assertTrue(after.valueOrZero("tollgate_response_bytes_total", Map.of("ecosystem", "pypi"))
            > before.valueOrZero("tollgate_response_bytes_total", Map.of("ecosystem", "pypi"))),
        () -> assertEquals(1.0, after.valueOrZero("tollgate_cache_requests_total",
            Map.of("cache", "artifact", "result", "miss"))),
        () -> assertEquals(1.0, after.valueOrZero("tollgate_cache_requests_total",
            Map.of("cache", "metadata", "result", "miss"))),
        () -> assertTrue(after.valueOrZero("tollgate_upstream_request_duration_seconds_count",
            Map.of("kind", "artifact")) >= 1));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      a wrong token | ci-runner:not-a-token-of-this-gateway | the agent token is not valid
      no token      |                                       | this gateway needs an agent token
      """)
  void pipWithAWrongOrMissingTokenGets401WithTheReasonBeforeAnyUpstreamRequest(String label, String credentials,
      String reason) throws Exception {
    int upstreamRequests = pypi.requestCount();
    PrometheusText before = scrape();
    Pip pip = Pip.inFreshVenv(python, work.resolve("venv"));

    // pip fetches index pages quietly: why a page failed shows only at -vv, as "Could not fetch URL".
    Command.Result result = pip.install(indexUrl(credentials), "-vv", "tg-alpha");

    assertNotEquals(0, result.exitCode(), () -> diagnostics(result));
    assertEquals(Map.of(), pip.installed());
    assertTrue(result.output().contains("401 Client Error: Unauthorized: " + reason
        + "; put the agent's token in the index URL: http://AGENT:TOKEN@HOST/pypi/simple/"), () -> diagnostics(result));
    assertFalse(result.output().contains(WRONG_TOKEN), () -> "pip's output shows the token:\n" + diagnostics(result));
    assertEquals(upstreamRequests, pypi.requestCount(), "requests reached the upstream:\n" + pypi.log());
    assertEquals(List.of(), audit().entries(), "no decision was made, so no audit line");
    Map<String, String> refused = Map.of("ecosystem", "pypi", "status", "4xx");
    assertTrue(scrape().valueOrZero("tollgate_requests_total", refused)
        > before.valueOrZero("tollgate_requests_total", refused));
  }

  private HttpResponse<String> get(int port, String path, String authorization) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Authorization", authorization).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String basic(String agent, String token) {
    return "Basic " + Base64.getEncoder().encodeToString((agent + ":" + token).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void anAgentsTokenOpensNoAdminApiAndTheAdminTokenIsNoAgentToken() throws Exception {
    int agentPort = gateway.gateway().port();
    int adminPort = gateway.gateway().adminPort();
    int upstreamRequests = pypi.requestCount();

    HttpResponse<String> agentBearerOnAdmin = get(adminPort, "/admin/status", "Bearer " + CI_TOKEN);
    HttpResponse<String> agentBasicOnAdmin = get(adminPort, "/admin/status", basic("ci-runner", CI_TOKEN));
    HttpResponse<String> adminOnAgentPort = get(agentPort, "/pypi/simple/tg-alpha/", "Bearer " + ADMIN_TOKEN);
    HttpResponse<String> adminAsBasicOnAgentPort = get(agentPort, "/pypi/simple/tg-alpha/", basic("admin", ADMIN_TOKEN));

    assertAll(
        () -> assertEquals(401, agentBearerOnAdmin.statusCode(), agentBearerOnAdmin.body()),
        () -> assertEquals(401, agentBasicOnAdmin.statusCode(), agentBasicOnAdmin.body()),
        () -> assertEquals(401, adminOnAgentPort.statusCode(), adminOnAgentPort.body()),
        () -> assertTrue(adminOnAgentPort.body().contains("the agent token is not valid"), adminOnAgentPort.body()),
        () -> assertEquals(401, adminAsBasicOnAgentPort.statusCode(), adminAsBasicOnAgentPort.body()),
        () -> assertEquals(upstreamRequests, pypi.requestCount(), "requests reached the upstream"),
        () -> assertEquals(List.of(), audit().entries(), "no decision was made, so no audit line"),
        () -> assertEquals(200, get(adminPort, "/admin/status", "Bearer " + ADMIN_TOKEN).statusCode(),
            "the admin token opens the admin API"),
        () -> assertEquals(200, get(agentPort, "/pypi/simple/tg-alpha/", "Bearer " + CI_TOKEN).statusCode(),
            "the agent's token opens the agent port"));
  }

  @Test
  void anAgentWhoseProfileAuditsInstallsWhatPolicyWouldRefuseAndTheLogSaysWouldDeny() throws Exception {
    Pip refused = Pip.inFreshVenv(python, work.resolve("ci-venv"));
    Command.Result enforced = refused.install(indexUrl("ci-runner:" + CI_TOKEN), "tg-gamma");
    Pip trial = Pip.inFreshVenv(python, work.resolve("trial-venv"));

    Command.Result audited = trial.install(indexUrl("trial-bot:" + TRIAL_TOKEN), "tg-gamma");

    assertNotEquals(0, enforced.exitCode(), () -> diagnostics(enforced));
    assertTrue(enforced.output().contains("'tg-gamma' is not on the PyPI allow-list"), () -> diagnostics(enforced));
    assertEquals(0, audited.exitCode(), () -> diagnostics(audited));
    assertEquals(Map.of("tg-gamma", "1.0.0"), trial.installed());
    JsonNode denied = audit().await("tg-gamma", null, "ci-runner's refusal",
        e -> "ci-runner".equals(e.path("agent").asText()));
    JsonNode wouldDeny = audit().await("tg-gamma", "1.0.0", "trial-bot's download",
        e -> "trial-bot".equals(e.path("agent").asText()) && e.path("status").asInt() == 200);
    assertAll(
        () -> assertEquals("deny", denied.path("verdict").asText(), denied::toString),
        () -> assertEquals("would-deny", wouldDeny.path("verdict").asText(), wouldDeny::toString),
        () -> assertEquals(List.of("not-allowed"), AuditTrail.rules(wouldDeny), wouldDeny::toString));
  }

  @Test
  void npmWithTheAgentsAuthTokenInstallsAndTheAuditLineNamesTheAgent() throws Exception {
    NpmClients user = NpmClients.freshUser(tools, work.resolve("npm-user"), registryUrl(),
        "//127.0.0.1:" + gateway.gateway().port() + "/npm/:_authToken=" + CI_TOKEN);
    NpmProject project = NpmProject.empty(work.resolve("project"));

    Command.Result result = user.add(NpmClient.NPM, project, "tg-left-pad");

    assertEquals(0, result.exitCode(), () -> diagnostics(result));
    assertEquals(Set.of("tg-left-pad@1.0.0"), project.installed());
    NpmAuditTrail trail = new NpmAuditTrail(gateway.dataDir().resolve("audit.log"));
    JsonNode tarball = trail.await("/tg-left-pad-1.0.0.tgz", 200);
    assertAll(
        () -> assertEquals("ci-runner", trail.await("/npm/tg-left-pad", 200).path("agent").asText()),
        () -> assertEquals("ci-runner", tarball.path("agent").asText(), tarball::toString),
        () -> assertFalse(trail.text().contains(CI_TOKEN), "the audit log holds the token"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      a wrong token | not-a-token-of-this-gateway | the agent token is not valid
      no token      |                             | this gateway needs an agent token
      """)
  void npmWithAWrongOrMissingTokenShowsThe401sReasonAndReachesNoRegistry(String label, String token, String reason)
      throws Exception {
    NpmClients user = token == null
        ? NpmClients.freshUser(tools, work.resolve("npm-user"), registryUrl())
        : NpmClients.freshUser(tools, work.resolve("npm-user"), registryUrl(),
            "//127.0.0.1:" + gateway.gateway().port() + "/npm/:_authToken=" + token);
    NpmProject project = NpmProject.empty(work.resolve("project"));
    String mark = npm.mark();

    Command.Result result = user.add(NpmClient.NPM, project, "tg-left-pad");

    assertNotEquals(0, result.exitCode(), () -> diagnostics(result));
    assertEquals(Set.of(), project.installed());
    assertTrue(result.output().contains("401") && result.output().contains(reason + "; set the agent's token in"
        + " .npmrc: //HOST/npm/:_authToken=TOKEN"), () -> diagnostics(result));
    assertEquals(List.of(), npm.requestsSince(mark), "requests reached the registry");
    assertEquals(List.of(), audit().entries(), "no decision was made, so no audit line");
  }

  @Test
  void aFileWhoseBytesDisagreeWithTheIndexIsCountedAsAVerificationFailure() throws Exception {
    String wheel = FixtureRelease.wheelFileName("tg-broken", "1.0.0");
    Map<String, String> pypiFailures = Map.of("ecosystem", "pypi");
    double before = scrape().valueOrZero("tollgate_verification_failures_total", pypiFailures);

    HttpResponse<InputStream> download = http.send(HttpRequest.newBuilder(URI.create(
            "http://127.0.0.1:" + gateway.gateway().port() + "/pypi/files/tg-broken/" + wheel))
        .header("Authorization", "Bearer " + CI_TOKEN).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofInputStream());
    try (InputStream body = download.body()) {
      assertEquals(200, download.statusCode());
      assertThrows(IOException.class, body::readAllBytes, "a complete file whose sha256 differs from the index's");
    }

    JsonNode aborted = audit().await("tg-broken", "1.0.0", "the aborted download",
        e -> e.path("details").has("aborted"));
    assertEquals("mismatch", aborted.path("details").path("integrity").asText(), aborted::toString);
    assertEquals(before + 1, scrape().valueOrZero("tollgate_verification_failures_total", pypiFailures));
  }
}
