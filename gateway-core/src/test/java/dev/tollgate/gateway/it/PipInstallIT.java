package dev.tollgate.gateway.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Real pip installs through the gateway from a real local index, once with an upstream that
 * speaks PEP 503 HTML and once with one that speaks only PEP 691 JSON. Each test asserts what a
 * pip user or the security team would notice: pip's exit code and output, the versions that end
 * up installed, HTTP statuses, reason phrases and headers, the audit log and the cache directory.
 */
@ParameterizedClass(name = "{0} upstream")
@EnumSource(SimpleApiFormat.class)
@ExtendWith(NettyLeakCheck.class)
class PipInstallIT {

  /**
   * The upstream's contents. tg-alpha's newest installable version is 1.1.0: pip must skip 1.2.0
   * (yanked) and 1.3.0 (Python 2 only), which it can only do if the gateway keeps those marks.
   * tg-beta publishes PEP 658 metadata and tg-alpha does not, so one install takes both of pip's
   * paths. tg-beta 3.0.0 also has an sdist, which has to vanish with the wheel when 3.0.0 is denied.
   */
  private static final List<FixtureRelease> RELEASES = List.of(
      FixtureRelease.of("tg-alpha", "1.0.0"),
      FixtureRelease.of("tg-alpha", "1.1.0"),
      FixtureRelease.of("tg-alpha", "1.2.0").yanked("broken build"),
      FixtureRelease.of("tg-alpha", "1.3.0").requiringPython("<3"),
      FixtureRelease.of("tg-beta", "2.0.0").requires("tg-alpha>=1.0").withCoreMetadata(),
      FixtureRelease.of("tg-beta", "3.0.0").requires("tg-alpha>=1.0").withCoreMetadata().withSdist(),
      FixtureRelease.of("tg-gamma", "1.0.0"),
      FixtureRelease.of("tg-evil", "1.0.0"),
      FixtureRelease.of("reqeusts", "1.0.0"),
      FixtureRelease.of("tg-broken", "1.0.0").withTamperedFileOnDisk());

  private static final String POLICY = """
      allow:
        - name: tg-alpha
        - name: tg-beta
        - name: tg-broken
      deny:
        - name: tg-evil
      """;

  private static final String POLICY_BETA_BELOW_3 = """
      allow:
        - name: tg-alpha
        - name: tg-beta
          version: ">=2.0,<3"
          note: "3.x breaks the build; platform team, ticket 42"
          expires: 2099-01-01
      """;

  private static final String TG_ALPHA_1_1 = FixtureRelease.wheelFileName("tg-alpha", "1.1.0");
  private static final String TG_BETA_2 = FixtureRelease.wheelFileName("tg-beta", "2.0.0");
  private static final String TG_BETA_3 = FixtureRelease.wheelFileName("tg-beta", "3.0.0");
  private static final String TG_BROKEN = FixtureRelease.wheelFileName("tg-broken", "1.0.0");
  private static final Duration CACHE_STATE_WAIT = Duration.ofSeconds(5);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  static Path shared;
  private static Python python;
  private static FixtureIndex fixtures;
  private static UpstreamServer upstream;

  @Parameter
  SimpleApiFormat upstreamFormat;

  @TempDir
  Path work;
  private final List<AutoCloseable> started = new ArrayList<>();
  private GatewayUnderTest activeGateway;
  private UpstreamServer activeUpstream;

  @BeforeAll
  static void writeFixtures() throws Exception {
    python = Python.require();
    fixtures = FixtureIndex.write(shared.resolve("index"), RELEASES);
  }

  @BeforeParameterizedClassInvocation
  static void startUpstream(SimpleApiFormat format) throws Exception {
    upstream = UpstreamServer.start(format, fixtures, python, shared);
  }

  @AfterParameterizedClassInvocation
  static void stopUpstream() {
    upstream.close();
  }

  @AfterEach
  void stopWhatTheTestStarted() throws Exception {
    for (AutoCloseable resource : started) {
      resource.close();
    }
  }

  @Test
  void installsAnAllowedPackageWithItsDependencyThroughTheGateway() throws Exception {
    GatewayUnderTest gateway = startGateway(upstream, POLICY);
    Pip pip = freshVenv();

    Command.Result result = pip.install(gateway.indexUrl(), "tg-beta");

    assertInstalled(Map.of("tg-alpha", "1.1.0", "tg-beta", "3.0.0"), pip, result);
    assertEquals("3.0.0", pip.importedVersion("tg_beta"));
    assertOutputContains(result, "Looking in indexes: " + gateway.indexUrl(),
        "Downloading " + gateway.fileUrl("tg-beta", TG_BETA_3),
        "Downloading " + gateway.fileUrl("tg-alpha", TG_ALPHA_1_1));
    assertFalse(result.output().contains(upstream.authority()),
        () -> "pip saw an upstream URL, so it went around the gateway\n" + diagnostics(result));

    JsonNode page = gateway.audit().awaitPage("tg-beta");
    JsonNode beta = gateway.audit().awaitFile("tg-beta", "3.0.0", TG_BETA_3, 200);
    JsonNode alpha = gateway.audit().awaitFile("tg-alpha", "1.1.0", TG_ALPHA_1_1, 200);
    assertAll(
        () -> assertEquals("allow", page.path("verdict").asText(), "page decision: " + page),
        () -> assertEquals("allow", beta.path("verdict").asText(), "tg-beta download: " + beta),
        () -> assertEquals(Files.size(fixtures.file(TG_BETA_3)), beta.path("bytes").asLong(), "bytes: " + beta),
        () -> assertEquals("allow", alpha.path("verdict").asText(), "tg-alpha download: " + alpha),
        () -> assertEquals(Files.size(fixtures.file(TG_ALPHA_1_1)), alpha.path("bytes").asLong(), "bytes: " + alpha));
  }

  @Test
  void installsTheNewestAllowedVersionWhenNewerOnesAreDenied() throws Exception {
    GatewayUnderTest gateway = startGateway(upstream, POLICY_BETA_BELOW_3);
    Pip pip = freshVenv();

    Command.Result result = pip.install(gateway.indexUrl(), "tg-beta");

    assertInstalled(Map.of("tg-alpha", "1.1.0", "tg-beta", "2.0.0"), pip, result);
    JsonNode download = gateway.audit().awaitFile("tg-beta", "2.0.0", TG_BETA_2, 200);
    assertEquals("allow", download.path("verdict").asText(), download::toString);
  }

  @ParameterizedTest(name = "asking for {0}")
  @EnumSource(SimpleApiFormat.class)
  void thePageListsOnlyAllowedFilesLinkedThroughTheGateway(SimpleApiFormat asked) throws Exception {
    GatewayUnderTest gateway = startGateway(upstream, POLICY_BETA_BELOW_3);

    HttpResponse<String> response = gateway.page("tg-beta", asked);

    String what = asked + " page from the gateway:\n" + response.headers().map() + "\n" + response.body();
    assertEquals(200, response.statusCode(), what);
    assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith(asked.mediaType()), what);
    ServedPage page = ServedPage.read(asked, response.uri(), response.body());
    assertEquals(List.of(TG_BETA_2), page.fileNames(), what);
    ServedPage.FileLink link = page.files().get(0);
    assertEquals(gateway.fileUrl("tg-beta", TG_BETA_2), link.url().toString(), what);
    assertEquals(fixtures.listedSha256(TG_BETA_2), link.sha256().orElse("(none)"), what);
    if (asked == SimpleApiFormat.JSON) {
      JsonNode versions = JSON.readTree(response.body()).path("versions");
      assertTrue(versions.isMissingNode() || versions.equals(JSON.valueToTree(List.of("2.0.0"))),
          () -> "PEP 700 'versions' still names a denied version: " + what);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      reqeusts | typosquat   | 'reqeusts' looks like a typosquat of 'requests'
      tg-gamma | not-allowed | 'tg-gamma' is not on the PyPI allow-list
      tg-evil  | deny-list   | 'tg-evil' is on the PyPI deny-list
      """)
  void refusesAPackageAndPipShowsTheReason(String project, String rule, String reason) throws Exception {
    GatewayUnderTest gateway = startGateway(upstream, POLICY);
    Pip pip = freshVenv();

    Command.Result result = pip.install(gateway.indexUrl(), project);

    assertNotEquals(0, result.exitCode(), () -> diagnostics(result));
    assertEquals(Map.of(), pip.installed(), () -> diagnostics(result));
    assertOutputContains(result, "403 Client Error: Blocked by policy: " + reason,
        "ask your security team to allow it");
    String wheel = FixtureRelease.wheelFileName(project, "1.0.0");
    JsonNode refusal = gateway.audit().awaitFile(project, "1.0.0", wheel, 403);
    assertAll(
        () -> assertEquals("deny", refusal.path("verdict").asText(), refusal::toString),
        () -> assertEquals(List.of(rule), AuditTrail.rules(refusal), refusal::toString),
        () -> assertOutputContains(result, "(ref " + refusal.path("id").asText() + ")"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"tg_beta-3.0.0-py3-none-any.whl", "tg_beta-3.0.0.tar.gz"})
  void refusesADirectDownloadOfADeniedVersion(String fileName) throws Exception {
    GatewayUnderTest gateway = startGateway(upstream, POLICY_BETA_BELOW_3);
    int mark = upstream.requestCount();

    RawHttp.Response response = RawHttp.get(gateway.port(), "/pypi/files/tg-beta/" + fileName);

    assertEquals(403, response.status(), response::describe);
    assertTrue(response.reason().startsWith(
        "Blocked by policy: version 3.0.0 of 'tg-beta' is outside the allowed range '>=2.0,<3'"),
        response::describe);
    assertFalse(upstream.requestTargetsSince(mark).contains("/files/" + fileName),
        () -> "the gateway fetched a file it refuses:\n" + upstream.log());
    JsonNode refusal = gateway.audit().awaitFile("tg-beta", "3.0.0", fileName, 403);
    assertEquals("deny", refusal.path("verdict").asText(), refusal::toString);
    assertEquals(List.of("version-not-allowed"), AuditTrail.rules(refusal), refusal::toString);
  }

  @Test
  void aFileThatDoesNotMatchTheIndexFailsTheInstallAndIsNotCached() throws Exception {
    GatewayUnderTest gateway = startGateway(upstream, POLICY);
    Pip pip = freshVenv();

    Command.Result broken = pip.install(gateway.indexUrl(), "tg-broken");

    assertNotEquals(0, broken.exitCode(), () -> diagnostics(broken));
    assertEquals(Map.of(), pip.installed(), () -> diagnostics(broken));
    HttpResponse<InputStream> direct = gateway.download("tg-broken", TG_BROKEN);
    try (InputStream body = direct.body()) {
      if (direct.statusCode() == 200) {
        assertThrows(IOException.class, body::readAllBytes,
            "the gateway delivered a complete file whose sha256 differs from the index's");
      }
    }
    gateway.audit().await("tg-broken", "1.0.0", "the download marked aborted for its sha256",
        entry -> entry.path("details").path("aborted").asText().contains("sha256"));
    assertNoCachedCopy(gateway, TG_BROKEN, Files.readAllBytes(fixtures.file(TG_BROKEN)));

    Pip next = freshVenv();
    Command.Result good = next.install(gateway.indexUrl(), "tg-alpha");
    assertInstalled(Map.of("tg-alpha", "1.1.0"), next, good);
  }

  @Test
  void installsFromTheCacheWhileTheUpstreamIsDown() throws Exception {
    UpstreamServer ownUpstream = UpstreamServer.start(upstreamFormat, fixtures, python, work);
    started.add(ownUpstream);
    GatewayUnderTest gateway = startGateway(ownUpstream, POLICY);
    Pip first = freshVenv();
    Command.Result warm = first.install(gateway.indexUrl(), "tg-beta");
    assertInstalled(Map.of("tg-alpha", "1.1.0", "tg-beta", "3.0.0"), first, warm);

    ownUpstream.close();
    HttpResponse<String> stalePage = awaitCacheState(gateway, "tg-beta", "stale");
    Pip second = freshVenv();
    Command.Result offline = second.install(gateway.indexUrl(), "tg-beta");

    assertEquals(200, stalePage.statusCode());
    ServedPage served = ServedPage.read(SimpleApiFormat.JSON, stalePage.uri(), stalePage.body());
    assertTrue(served.fileNames().contains(TG_BETA_3), stalePage::body);
    assertInstalled(Map.of("tg-alpha", "1.1.0", "tg-beta", "3.0.0"), second, offline);
  }

  @Test
  void pipFetchesCoreMetadataThroughTheGateway() throws Exception {
    GatewayUnderTest gateway = startGateway(upstream, POLICY);
    Pip pip = freshVenv();
    int mark = upstream.requestCount();

    Command.Result result = pip.install(gateway.indexUrl(), "tg-beta");

    assertInstalled(Map.of("tg-alpha", "1.1.0", "tg-beta", "3.0.0"), pip, result);
    assertOutputContains(result,
        "Obtaining dependency information for tg-beta from " + gateway.fileUrl("tg-beta", TG_BETA_3 + ".metadata"));
    assertTrue(upstream.requestTargetsSince(mark).contains("/files/" + TG_BETA_3 + ".metadata"),
        () -> "the upstream was never asked for the metadata file:\n" + upstream.log());
    JsonNode metadata = gateway.audit().awaitFile("tg-beta", "3.0.0", TG_BETA_3 + ".metadata", 200);
    assertEquals("allow", metadata.path("verdict").asText(), metadata::toString);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedTargets")
  void rejectsMalformedPathsWithoutAskingTheUpstream(String target) throws Exception {
    GatewayUnderTest gateway = startGateway(upstream, POLICY);
    int mark = upstream.requestCount();

    RawHttp.Response response = RawHttp.get(gateway.port(), target);

    assertEquals(400, response.status(), response::describe);
    String explanation = response.reason().replaceFirst("(?i)^Bad Request", "") + response.body();
    assertFalse(explanation.isBlank(), () -> "a 400 should say what is wrong:\n" + response.describe());
    assertEquals(List.of(), upstream.requestTargetsSince(mark), "requests that reached the upstream");
  }

  static Stream<Arguments> malformedTargets() {
    return Stream.of(
        arguments(named("encoded ../ in a project name", "/pypi/simple/..%2f..%2fetc/")),
        arguments(named("encoded ../ in a file path", "/pypi/files/tg-alpha/..%2f..%2f..%2fetc%2fpasswd")),
        arguments(named("encoded NUL", "/pypi/simple/tg-alpha%00/")),
        arguments(named("encoded CR LF", "/pypi/simple/tg-alpha%0d%0aX-Injected:%201/")),
        arguments(named("raw control character", "/pypi/simple/tg\u0001alpha/")),
        arguments(named("invalid UTF-8", "/pypi/simple/tg-%ff%fe/")),
        arguments(named("over-long project name", "/pypi/simple/" + "a".repeat(300) + "/")),
        arguments(named("malformed query string", "/pypi/simple/tg-alpha/?format=%zz")),
        arguments(named("absolute-form target", "http://elsewhere.test/pypi/simple/tg-alpha/")),
        arguments(named("asterisk target", "*")));
  }

  private GatewayUnderTest startGateway(UpstreamServer from, String policy) throws Exception {
    activeGateway = GatewayUnderTest.start(work.resolve("gateway"), from, policy);
    activeUpstream = from;
    started.add(0, activeGateway);
    return activeGateway;
  }

  private Pip freshVenv() throws IOException, InterruptedException {
    return Pip.inFreshVenv(python, Files.createTempDirectory(work, "venv-"));
  }

  /** Polls a page (as pip asks for it) until the gateway reports {@code state}; bounded by 5 s. */
  private static HttpResponse<String> awaitCacheState(GatewayUnderTest gateway, String project, String state)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + CACHE_STATE_WAIT.toNanos();
    HttpResponse<String> response;
    do {
      response = gateway.page(project, SimpleApiFormat.JSON);
      if (state.equals(response.headers().firstValue("X-Tollgate-Cache").orElse(""))) {
        return response;
      }
      Thread.sleep(100);
    } while (System.nanoTime() < deadline);
    throw new AssertionError("the page of " + project + " never showed X-Tollgate-Cache: " + state + " within "
        + CACHE_STATE_WAIT + "; last answer: " + response.statusCode() + " " + response.headers().map() + "\n"
        + response.body());
  }

  private void assertInstalled(Map<String, String> expected, Pip pip, Command.Result result) throws IOException {
    assertEquals(0, result.exitCode(), () -> diagnostics(result));
    assertEquals(expected, pip.installed(), () -> diagnostics(result));
  }

  private void assertOutputContains(Command.Result result, String... expected) {
    for (String text : expected) {
      assertTrue(result.output().contains(text),
          () -> "pip's output lacks '" + text + "'\n" + diagnostics(result));
    }
  }

  /** No file in the cache is named after {@code fileName} or holds {@code bytes}. */
  private static void assertNoCachedCopy(GatewayUnderTest gateway, String fileName, byte[] bytes) throws IOException {
    if (!Files.exists(gateway.cacheDir())) {
      return;
    }
    try (Stream<Path> files = Files.walk(gateway.cacheDir())) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        assertFalse(file.getFileName().toString().contains(fileName) || Arrays.equals(bytes, Files.readAllBytes(file)),
            "the cache kept a file that failed its sha256 check: " + file);
      }
    }
  }

  /** pip's version, command and output, the tail of the gateway's upstream's log and the audit log. */
  private String diagnostics(Command.Result result) {
    List<String> upstreamLog = activeUpstream.log().lines().toList();
    return python.pipVersion() + "\n" + result.describe()
        + "\n--- upstream log (last 30 lines) ---\n"
        + String.join("\n", upstreamLog.subList(Math.max(0, upstreamLog.size() - 30), upstreamLog.size()))
        + "\n--- audit log ---\n" + activeGateway.audit().text();
  }
}
