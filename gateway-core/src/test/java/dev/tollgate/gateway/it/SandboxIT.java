package dev.tollgate.gateway.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code tollgate sandbox} with real pip and npm inside, a real gateway (in this JVM) in front of a
 * real PEP 503 index and a real npm registry (verdaccio), all on this machine's loopback. What a
 * user would notice: installs through the gateway work, the upstreams themselves cannot be reached,
 * a refusal shows its reason, the host's files are read-only except the {@code --rw} directories,
 * the command's exit code comes back, and nothing is left over afterwards, also after a SIGTERM.
 */
@ExtendWith(NettyLeakCheck.class)
class SandboxIT {

  private static final List<FixtureRelease> RELEASES = List.of(
      FixtureRelease.of("tg-alpha", "1.1.0"),
      FixtureRelease.of("tg-beta", "2.0.0").requires("tg-alpha>=1.0"),
      FixtureRelease.of("tg-evil", "1.0.0"));
  private static final List<NpmFixturePackage> NPM_FIXTURES = List.of(
      NpmFixturePackage.of("tg-left-pad", "1.0.0"),
      NpmFixturePackage.of("tg-unlisted", "1.0.0"));
  private static final String PYPI_POLICY = """
      allow:
        - name: tg-alpha
        - name: tg-beta
      deny:
        - name: tg-evil
      """;
  private static final String NPM_POLICY = """
      allow:
        - name: tg-left-pad
      """;
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);

  @TempDir
  static Path shared;
  private static Python python;
  private static UpstreamServer pypiUpstream;
  private static NpmUpstream npmUpstream;
  private static ConfiguredGateway.Started gateway;
  private static TollgateSandbox sandbox;

  /** A directory outside /tmp (which the sandbox replaces), so the host's read-only view of it shows. */
  private Path work;

  @BeforeAll
  static void startGatewayAndUpstreams() throws Exception {
    python = Python.require();
    pypiUpstream = UpstreamServer.start(SimpleApiFormat.HTML, FixtureIndex.write(shared.resolve("index"), RELEASES),
        python, shared);
    npmUpstream = NpmUpstream.start(NpmTools.require(), shared.resolve("verdaccio"));
    for (NpmFixturePackage fixture : NPM_FIXTURES) {
      npmUpstream.publish(fixture, shared.resolve("sources"));
    }
    Path gatewayDir = shared.resolve("gateway");
    Files.writeString(Files.createDirectories(gatewayDir.resolve("conf/policy")).resolve("npm.yaml"), NPM_POLICY);
    Files.writeString(Files.createDirectories(gatewayDir.resolve("conf/popular")).resolve("npm.txt"), "lodash\n");
    gateway = ConfiguredGateway.start(gatewayDir, """
        server: { host: 127.0.0.1, port: 0, shutdownGrace: 100ms }
        pypi:   { upstream: "%s" }
        npm:    { upstream: "%s" }
        policy: { mode: allowlist, enforcement: enforce }
        """.formatted(pypiUpstream.simpleUrl(), npmUpstream.url()), "pypi", PYPI_POLICY, "requests\n");
    sandbox = TollgateSandbox.against(gateway.gateway().port(), shared.resolve("cli-tmp"));
  }

  @AfterAll
  static void stopGatewayAndUpstreams() {
    if (gateway != null) {
      gateway.gateway().close();
    }
    if (npmUpstream != null) {
      npmUpstream.close();
    }
    if (pypiUpstream != null) {
      pypiUpstream.close();
    }
  }

  @BeforeEach
  void makeWorkDirectory() throws IOException {
    work = Files.createTempDirectory(Files.createDirectories(Path.of("target", "sandbox-it").toAbsolutePath()), "run-");
  }

  @AfterEach
  void removeWorkDirectory() throws IOException {
    try (Stream<Path> paths = Files.walk(work)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }

  @Test
  void pipInstallsAnAllowedPackageThroughTheGatewayWithNoIndexOptionOfItsOwn() throws Exception {
    Path rw = Files.createDirectory(work.resolve("rw"));
    Pip pip = Pip.inFreshVenv(python, rw.resolve("venv"));

    Command.Result result = sandbox.run(List.of("--rw", rw.toString()), pipInstall(rw, "tg-beta"), Map.of());

    assertEquals(0, result.exitCode(), result::describe);
    assertEquals(Map.of("tg-alpha", "1.1.0", "tg-beta", "2.0.0"), pip.installed(), result::describe);
    assertTrue(result.output().contains("Looking in indexes: " + sandbox.gatewayUrl() + "/pypi/simple/"),
        result::describe);
    sandbox.assertNothingLeft(result.output());
  }

  @Test
  void npmInstallsAnAllowedPackageThroughTheGatewayWithNoRegistryOptionOfItsOwn() throws Exception {
    NpmProject project = NpmProject.empty(work.resolve("project"));

    Command.Result result = sandbox.run(List.of("--rw", project.dir().toString()),
        "cd " + project.dir() + " && npm install tg-left-pad", Map.of());

    assertEquals(0, result.exitCode(), result::describe);
    assertEquals(Set.of("tg-left-pad@1.0.0"), project.installed(), result::describe);
    String resolved = project.packageLock().path("packages").path("node_modules/tg-left-pad").path("resolved").asText();
    assertEquals(sandbox.gatewayUrl() + "/npm/tg-left-pad/-/tg-left-pad-1.0.0.tgz", resolved, result::describe);
    sandbox.assertNothingLeft(result.output());
  }

  @Test
  void theUpstreamsThemselvesCannotBeReachedFromInside() throws Exception {
    String pypi = pypiUpstream.simpleUrl();
    String npm = npmUpstream.url() + "tg-left-pad";
    assertEquals(200, statusFromHere(pypi), "outside the sandbox the PyPI upstream answers");
    assertEquals(200, statusFromHere(npm), "outside the sandbox the npm upstream answers");

    Command.Result result = sandbox.run(List.of(), fetch(pypi) + "; " + fetch(npm) + "; " + fetch(
        sandbox.gatewayUrl() + "/npm/tg-left-pad"), Map.of());

    assertAll(result.describe(),
        () -> assertTrue(result.output().contains(pypi + " -> Connection refused")),
        () -> assertTrue(result.output().contains(npm + " -> Connection refused")),
        () -> assertTrue(result.output().contains(sandbox.gatewayUrl() + "/npm/tg-left-pad -> 200")));
    sandbox.assertNothingLeft(result.output());
  }

  @Test
  void aDeniedPackageIsRefusedWithItsReasonInTheClientsOutput() throws Exception {
    Path rw = Files.createDirectory(work.resolve("rw"));
    Pip.inFreshVenv(python, rw.resolve("venv"));
    NpmProject project = NpmProject.empty(rw.resolve("project"));

    Command.Result result = sandbox.run(List.of("--rw", rw.toString()), pipInstall(rw, "tg-evil")
        + "; echo pip-exit=$?; cd " + project.dir() + " && npm install tg-unlisted; echo npm-exit=$?", Map.of());

    assertAll(result.describe(),
        () -> assertTrue(result.output().contains("pip-exit=1")),
        () -> assertTrue(result.output().contains("Blocked by policy: 'tg-evil' is on the PyPI deny-list")),
        () -> assertFalse(result.output().contains("npm-exit=0")),
        () -> assertTrue(result.output().contains("Blocked by policy: 'tg-unlisted' is not on the npm allow-list")));
    sandbox.assertNothingLeft(result.output());
  }

  /**
   * skopeo follows the sandbox's registries.conf to the gateway as Docker Hub's mirror; when the
   * gateway does not serve the image, the fallback to the registry itself finds no route, so the
   * pull fails where, outside a sandbox, it would quietly succeed from the registry.
   */
  @Test
  void anImagePullTheGatewayDoesNotServeFailsInsteadOfFallingBackToTheRegistry() throws Exception {
    Command.Result result = sandbox.run(List.of(),
        "skopeo --registries-conf \"$CONTAINERS_REGISTRIES_CONF\" inspect docker://tg-hello:v1", Map.of());

    String authority = sandbox.gatewayUrl().substring("http://".length());
    assertAll(result.describe(),
        () -> assertNotEquals(0, result.exitCode()),
        () -> assertTrue(result.output().contains("Mirrors also failed: [" + authority + "/library/tg-hello:v1")),
        () -> assertTrue(result.output().contains("network is unreachable")));
    sandbox.assertNothingLeft(result.output());
  }

  @Test
  void onlyTheRwDirectoriesAndThePrivateTmpAreWritable() throws Exception {
    Path rw = Files.createDirectory(work.resolve("rw"));
    Path outside = Files.createDirectory(work.resolve("outside"));
    // A host directory no checkout hides (the sandbox's private /tmp would hide one under /tmp).
    Path hostFile = Path.of("/usr/tollgate-sandbox-probe-" + ProcessHandle.current().pid());

    Command.Result result = sandbox.run(List.of("--rw", rw.toString()), "echo inside > " + rw.resolve("file")
        + "; echo outside > " + outside.resolve("file") + "; echo host > " + hostFile
        + "; echo scratch > /tmp/scratch && echo tmp-ok", Map.of());

    assertAll(result.describe(),
        () -> assertEquals("inside\n", Files.readString(rw.resolve("file"), StandardCharsets.UTF_8)),
        () -> assertFalse(Files.exists(outside.resolve("file"))),
        () -> assertFalse(Files.exists(hostFile)),
        () -> assertTrue(result.output().contains("cannot create " + hostFile + ": Read-only file system")),
        () -> assertTrue(result.output().contains("tmp-ok")));
    sandbox.assertNothingLeft(result.output());
  }

  @Test
  void theCommandsExitCodeIsPassedThrough() throws Exception {
    Command.Result failed = sandbox.run(List.of(), "exit 7", Map.of());

    assertEquals(7, failed.exitCode(), failed::describe);
    sandbox.assertNothingLeft(failed.output());
  }

  @Test
  void theProfilesTokenGoesIntoTheClientsSettingsAndNowhereElse() throws Exception {
    Command.Result result = sandbox.run(List.of("--profile", "ci-agent"),
        "echo \"pip=$PIP_INDEX_URL\"; cat ~/.npmrc ~/.yarnrc.yml; cat \"$REGISTRY_AUTH_FILE\"; echo",
        Map.of("TOLLGATE_AGENT_TOKEN", "s3cret-token"));

    String authority = sandbox.gatewayUrl().substring("http://".length());
    assertAll(result.describe(),
        () -> assertEquals(0, result.exitCode()),
        () -> assertTrue(result.output().contains("pip=http://ci-agent:s3cret-token@" + authority + "/pypi/simple/")),
        () -> assertTrue(result.output().contains("//" + authority + "/npm/:_authToken=s3cret-token")),
        () -> assertTrue(result.output().contains("npmAuthToken: \"s3cret-token\"")),
        () -> assertTrue(result.output().contains("\"auth\":\"Y2ktYWdlbnQ6czNjcmV0LXRva2Vu\"")));
    sandbox.assertNothingLeft(result.output());
  }

  @Test
  void withoutBubblewrapItSaysWhichPackageToInstallAndStartsNothing() throws Exception {
    Command.Result result = sandbox.run(List.of(), "echo started", Map.of("PATH", work.toString()));

    assertEquals(2, result.exitCode(), result::describe);
    assertTrue(result.output().contains("tollgate sandbox needs bwrap (Debian package bubblewrap)"), result::describe);
    assertFalse(result.output().contains("started"), result::describe);
  }

  @Test
  void whenTheGatewayDoesNotAnswerItSaysSoAndStartsNothing() throws Exception {
    Command.Result result = sandbox.run(List.of("--gateway", "http://127.0.0.1:" + closedPort()), "echo started",
        Map.of());

    assertEquals(2, result.exitCode(), result::describe);
    assertTrue(result.output().contains("does not answer"), result::describe);
    assertFalse(result.output().contains("started"), result::describe);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"bubblewrap", "--gvisor"})
  void sigtermReachesTheCommandAndTheSandboxIsCleanedUp(String isolation) throws Exception {
    if (isolation.equals("--gvisor")) {
      requireRunsc();
    }
    Path output = work.resolve("output");
    Process process = sandbox.start(isolation.equals("--gvisor") ? List.of(isolation) : List.of(),
        "trap 'echo stopping; exit 42' TERM; echo ready; while :; do sleep 0.1; done", output);
    awaitOutput(output, "ready", process);

    process.destroy();

    assertTrue(process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS), "the sandbox did not stop on SIGTERM");
    String printed = Files.readString(output, StandardCharsets.UTF_8);
    assertEquals(42, process.exitValue(), printed);
    assertTrue(printed.contains("stopping"), printed);
    sandbox.assertNothingLeft(printed);
  }

  @Test
  void withGvisorACommandReachesTheGatewayAndNothingElse() throws Exception {
    requireRunsc();
    String pypi = pypiUpstream.simpleUrl();

    Command.Result result = sandbox.run(List.of("--gvisor"),
        fetch(sandbox.gatewayUrl() + "/pypi/simple/tg-alpha/") + "; " + fetch(pypi), Map.of());

    assertAll(result.describe(),
        () -> assertEquals(0, result.exitCode()),
        () -> assertTrue(result.output().contains(sandbox.gatewayUrl() + "/pypi/simple/tg-alpha/ -> 200")),
        () -> assertTrue(result.output().contains(pypi + " -> Connection refused")));
    sandbox.assertNothingLeft(result.output());
  }

  /** pip (the machine's) installing into the venv under {@code dir}; the index comes from the sandbox. */
  private static String pipInstall(Path dir, String requirement) {
    return python.executable() + " -m pip --python " + dir.resolve("venv/bin/python")
        + " install --no-cache-dir --no-input " + requirement;
  }

  /** A shell step printing {@code URL -> STATUS} or {@code URL -> REASON} for one GET. */
  private static String fetch(String url) {
    return python.executable() + " -c \"import sys, urllib.request\n"
        + "try:\n  print(sys.argv[1], '->', urllib.request.urlopen(sys.argv[1], timeout=5).status)\n"
        + "except OSError as e:\n  print(sys.argv[1], '->', getattr(e, 'reason', e).strerror)\" " + url;
  }

  /** A loopback port nothing listens on (it was free a moment ago). */
  private static int closedPort() throws IOException {
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return probe.getLocalPort();
    }
  }

  private static int statusFromHere(String url) throws IOException, InterruptedException {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
        .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static void awaitOutput(Path output, String text, Process process) throws Exception {
    Instant deadline = Instant.now().plus(TollgateSandbox.RUN_TIMEOUT);
    while (!Files.readString(output, StandardCharsets.UTF_8).contains(text)) {
      if (!process.isAlive() || Instant.now().isAfter(deadline)) {
        process.destroyForcibly();
        throw new AssertionError("the sandbox never printed '" + text + "':\n" + Files.readString(output));
      }
      Thread.sleep(50);
    }
  }

  private static void requireRunsc() throws Exception {
    Command.Result version;
    try {
      version = Command.run(List.of("runsc", "--version"), env -> { }, Duration.ofSeconds(10));
    } catch (IOException e) {
      throw new AssertionError("runsc (Debian package runsc) is needed for the gVisor sandbox test: " + e.getMessage());
    }
    assertNotEquals(127, version.exitCode(), version::describe);
  }
}
