package dev.tollgate.gateway.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Real npm, pnpm and yarn installing through the gateway from a real local npm registry
 * (verdaccio). Each test asserts what a developer or the security team would notice: the client's
 * exit code and output, what ends up in node_modules and the lockfile, HTTP statuses and JSON
 * bodies, the requests that reached the registry, the audit log and the gateway's cache.
 */
@ExtendWith(NettyLeakCheck.class)
class NpmInstallIT {

  /**
   * The registry's contents. {@code @acme/bar} pulls in {@code @acme/foo}, which pulls in
   * tg-left-pad, whose newest version is 1.1.0. tg-broken's stored tarball is replaced after
   * publishing, so its bytes no longer match the integrity its packument declares.
   */
  private static final List<NpmFixturePackage> FIXTURES = List.of(
      NpmFixturePackage.of("tg-left-pad", "1.0.0"),
      NpmFixturePackage.of("tg-left-pad", "1.1.0"),
      NpmFixturePackage.of("@acme/foo", "1.0.0").dependingOn("tg-left-pad", "^1.0.0"),
      NpmFixturePackage.of("@acme/bar", "0.1.0").dependingOn("@acme/foo", "^1.0.0"),
      NpmFixturePackage.of("tg-scripty", "1.0.0").withInstallScript(),
      NpmFixturePackage.of("tg-broken", "1.0.0"),
      NpmFixturePackage.of("tg-unlisted", "1.0.0"));

  private static final String POLICY = """
      allow:
        - name: "@acme/*"
        - name: tg-left-pad
        - name: tg-scripty
        - name: tg-broken
      """;

  private static final String POLICY_LEFT_PAD_BELOW_1_1 = """
      allow:
        - name: "@acme/*"
        - name: tg-left-pad
          version: "<1.1.0"
          note: "1.1.0 breaks the build; platform team, ticket 7"
      """;

  private static final Set<String> BAR_WITH_DEPENDENCIES =
      Set.of("@acme/bar@0.1.0", "@acme/foo@1.0.0", "tg-left-pad@1.1.0");
  private static final String FULL_ACCEPT = "application/json";
  private static final String CORGI_ACCEPT = "application/vnd.npm.install-v1+json; q=1.0, application/json; q=0.8, */*";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  static Path shared;
  private static NpmTools tools;
  private static NpmUpstream upstream;

  @TempDir
  Path work;
  private NpmGateway gateway;
  private NpmClients user;

  @BeforeAll
  static void startRegistryWithFixtures() throws Exception {
    tools = NpmTools.require();
    upstream = NpmUpstream.start(tools, shared.resolve("verdaccio"));
    for (NpmFixturePackage fixture : FIXTURES) {
      upstream.publish(fixture, shared.resolve("sources"));
    }
    Files.copy(upstream.storedTarball("tg-left-pad", "1.0.0"), upstream.storedTarball("tg-broken", "1.0.0"),
        StandardCopyOption.REPLACE_EXISTING);
    upstream.deprecate("tg-unlisted", "1.0.0", "no longer maintained; use tg-left-pad");
  }

  @AfterAll
  static void stopRegistry() {
    if (upstream != null) {
      upstream.close();
    }
  }

  @AfterEach
  void stopGateway() {
    if (gateway != null) {
      gateway.close();
    }
  }

  @Test
  void npmInstallsAnAllowedScopedPackageWithItsDependenciesThroughTheGateway() throws Exception {
    startGateway(POLICY);
    NpmProject project = newProject();

    Command.Result result = user.add(NpmClient.NPM, project, "@acme/bar");

    assertBarInstalledThroughTheGateway(NpmClient.NPM, "/npm/@acme%2fbar", project, result);
    JsonNode locked = project.packageLock().path("packages");
    for (String id : BAR_WITH_DEPENDENCIES) {
      String name = nameOf(id);
      String version = versionOf(id);
      JsonNode entry = locked.path("node_modules/" + name);
      String expectedIntegrity = upstreamIntegrity(name, version);
      assertAll(id + " in package-lock.json: " + entry,
          () -> assertEquals(version, entry.path("version").asText()),
          () -> assertEquals(gateway.tarballUrl(name, version), entry.path("resolved").asText()),
          () -> assertTrue(expectedIntegrity.startsWith("sha512-"), expectedIntegrity),
          () -> assertEquals(expectedIntegrity, entry.path("integrity").asText()));
    }
  }

  @Test
  void npmInstallsTheNewestAllowedVersionWhenNewerOnesAreDenied() throws Exception {
    startGateway(POLICY_LEFT_PAD_BELOW_1_1);
    NpmProject project = newProject();

    Command.Result result = user.add(NpmClient.NPM, project, "tg-left-pad");

    assertInstalled(Set.of("tg-left-pad@1.0.0"), project, result);
    JsonNode manifest = JSON.readTree(project.dir().resolve("package.json").toFile());
    assertEquals("^1.0.0", manifest.path("dependencies").path("tg-left-pad").asText(), manifest::toString);
    assertPageAllowed("/npm/tg-left-pad");
    assertTarballsServed(Set.of("tg-left-pad@1.0.0"));
  }

  @Test
  void npmViewShowsOnlyTheAllowedVersions() throws Exception {
    startGateway(POLICY_LEFT_PAD_BELOW_1_1);

    Command.Result result = user.npm("view", "tg-left-pad", "versions", "dist-tags", "--json");

    assertEquals(0, result.exitCode(), () -> diagnostics(result));
    JsonNode shown = JSON.readTree(result.output());
    assertEquals(JSON.readTree("{\"versions\": [\"1.0.0\"], \"dist-tags\": {\"latest\": \"1.0.0\"}}"), shown,
        () -> diagnostics(result));
    assertPageAllowed("/npm/tg-left-pad");
  }

  @ParameterizedTest(name = "Accept: {0}")
  @ValueSource(strings = {FULL_ACCEPT, CORGI_ACCEPT})
  void thePackumentNamesNoDeniedVersion(String accept) throws Exception {
    startGateway(POLICY_LEFT_PAD_BELOW_1_1);

    HttpResponse<String> response = gateway.get("tg-left-pad", accept);

    String what = "packument from the gateway:\n" + response.headers().map() + "\n" + response.body();
    assertEquals(200, response.statusCode(), what);
    JsonNode packument = JSON.readTree(response.body());
    JsonNode released = packument.path("versions").path("1.0.0");
    assertAll(what,
        () -> assertEquals(List.of("1.0.0"), fieldNames(packument.path("versions"))),
        () -> assertFalse(packument.path("time").has("1.1.0"), "time still names 1.1.0"),
        () -> assertEquals("1.0.0", packument.path("dist-tags").path("latest").asText(), "dist-tags.latest"),
        () -> assertFalse(packument.path("dist-tags").toString().contains("1.1.0"), "a dist-tag names 1.1.0"),
        () -> assertEquals(gateway.tarballUrl("tg-left-pad", "1.0.0"), released.path("dist").path("tarball").asText()),
        () -> assertEquals(upstreamIntegrity("tg-left-pad", "1.0.0"),
            released.path("dist").path("integrity").asText()));
    assertPageAllowed("/npm/tg-left-pad");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      tg-unlisted | not-allowed | 'tg-unlisted' is not on the npm allow-list
      tg-left-pda | typosquat   | 'tg-left-pda' looks like a typosquat of 'tg-left-pad'
      lodahs      | typosquat   | 'lodahs' looks like a typosquat of 'lodash'
      """)
  void refusesAPackageAndNpmShowsTheReason(String name, String rule, String reason) throws Exception {
    startGateway(POLICY);
    NpmProject project = newProject();
    String mark = upstream.mark();

    Command.Result result = user.add(NpmClient.NPM, project, name);

    assertNotEquals(0, result.exitCode(), () -> diagnostics(result));
    assertEquals(Set.of(), project.installed(), () -> diagnostics(result));
    assertOutputContains(result, "Blocked by policy: " + reason, "ask your security team to allow it");
    JsonNode refusal = gateway.audit().await("/npm/" + name, 403);
    assertAll(
        () -> assertEquals("deny", refusal.path("verdict").asText(), refusal::toString),
        () -> assertEquals(name, refusal.path("package").asText(), refusal::toString),
        () -> assertEquals(List.of(rule), AuditTrail.rules(refusal), refusal::toString),
        () -> assertOutputContains(result, "(ref " + refusal.path("id").asText() + ")"),
        () -> assertEquals(List.of(), upstream.requestsSince(mark),
            "requests that reached the registry for a name the gateway refuses"));
  }

  @Test
  void refusesADirectDownloadOfADeniedVersion() throws Exception {
    startGateway(POLICY_LEFT_PAD_BELOW_1_1);
    String mark = upstream.mark();

    HttpResponse<String> response = gateway.get("tg-left-pad/-/tg-left-pad-1.1.0.tgz", "*/*");

    String what = response.statusCode() + " " + response.headers().map() + "\n" + response.body();
    assertEquals(403, response.statusCode(), what);
    assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), what);
    String error = JSON.readTree(response.body()).path("error").asText();
    assertTrue(error.startsWith("Blocked by policy: version 1.1.0 of 'tg-left-pad' is outside the allowed range "
        + "'<1.1.0'"), what);
    assertEquals(List.of(), upstream.requestsSince(mark), "requests that reached the registry");
    JsonNode refusal = gateway.audit().await("/tg-left-pad-1.1.0.tgz", 403);
    assertAll(
        () -> assertEquals("deny", refusal.path("verdict").asText(), refusal::toString),
        () -> assertEquals("1.1.0", refusal.path("version").asText(), refusal::toString),
        () -> assertEquals(List.of("version-not-allowed"), AuditTrail.rules(refusal), refusal::toString),
        () -> assertTrue(error.endsWith("(ref " + refusal.path("id").asText() + ")"), what));
  }

  @Test
  void npmCiFailsWithTheReasonWhenTheLockfileNamesADeniedVersion() throws Exception {
    startGateway(POLICY_LEFT_PAD_BELOW_1_1);
    NpmProject project = NpmProject.locked(work.resolve("locked"), "tg-left-pad", "1.1.0",
        gateway.tarballUrl("tg-left-pad", "1.1.0"), upstreamIntegrity("tg-left-pad", "1.1.0"));

    Command.Result result = user.npm("ci", "--prefix", project.dir().toString());

    assertNotEquals(0, result.exitCode(), () -> diagnostics(result));
    assertEquals(Set.of(), project.installed(), () -> diagnostics(result));
    assertOutputContains(result,
        "Blocked by policy: version 1.1.0 of 'tg-left-pad' is outside the allowed range '<1.1.0'");
    JsonNode refusal = gateway.audit().await("/tg-left-pad-1.1.0.tgz", 403);
    assertEquals(List.of("version-not-allowed"), AuditTrail.rules(refusal), refusal::toString);
  }

  @Test
  void aTarballThatDoesNotMatchItsIntegrityFailsTheInstallAndIsNotCached() throws Exception {
    startGateway(POLICY);
    NpmProject project = newProject();

    Command.Result result = user.add(NpmClient.NPM, project, "tg-broken");

    assertNotEquals(0, result.exitCode(), () -> diagnostics(result));
    assertEquals(Set.of(), project.installed(), () -> diagnostics(result));
    HttpResponse<InputStream> direct = gateway.download("tg-broken/-/tg-broken-1.0.0.tgz");
    try (InputStream body = direct.body()) {
      if (direct.statusCode() == 200) {
        assertThrows(IOException.class, body::readAllBytes,
            "the gateway delivered a complete tarball whose sha512 differs from the packument's integrity");
      }
    }
    gateway.audit().await("the download of tg-broken-1.0.0.tgz marked aborted",
        entry -> entry.path("path").asText().endsWith("/tg-broken-1.0.0.tgz")
            && !entry.path("details").path("aborted").asText().isBlank());
    assertNoCopyInTheDataDir("tg-broken-1.0.0", Files.readAllBytes(upstream.storedTarball("tg-broken", "1.0.0")));
  }

  /**
   * pnpm asks for scoped packuments with an upper-case {@code %2F}; yarn 1 lower-case and with the
   * corgi Accept; yarn 4 with no Accept at all, building tarball URLs itself.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(textBlock = """
      PNPM,         /npm/@acme%2Fbar
      YARN_CLASSIC, /npm/@acme%2fbar
      YARN_BERRY,   /npm/@acme%2fbar
      """)
  void otherClientsInstallAnAllowedScopedPackageThroughTheGateway(NpmClient client, String packumentPath)
      throws Exception {
    startGateway(POLICY);
    NpmProject project = newProject();

    Command.Result result = user.add(client, project, "@acme/bar");

    assertBarInstalledThroughTheGateway(client, packumentPath, project, result);
  }

  @Test
  void anInstallScriptTheSecurityTeamDidNotAllowNeverRuns() throws Exception {
    startGateway(POLICY);
    NpmProject project = newProject();

    Command.Result result = user.add(NpmClient.NPM, project, "tg-scripty");

    assertFalse(Files.exists(project.installedDir("tg-scripty").resolve(NpmFixturePackage.INSTALL_SCRIPT_MARKER)),
        () -> "tg-scripty's postinstall ran:\n" + diagnostics(result));
    assertNotEquals(0, result.exitCode(), () -> diagnostics(result));
    assertOutputContains(result, "Blocked by policy: version 1.0.0 of 'tg-scripty' runs install scripts");
    JsonNode refusal = gateway.audit().await("/npm/tg-scripty", 403);
    assertAll(
        () -> assertEquals("deny", refusal.path("verdict").asText(), refusal::toString),
        () -> assertEquals(List.of("install-script"), AuditTrail.rules(refusal), refusal::toString),
        () -> assertOutputContains(result, "(ref " + refusal.path("id").asText() + ")"));
  }

  @Test
  void anInstallScriptTheAllowListPermitsRuns() throws Exception {
    startGateway("""
        allow:
          - name: tg-scripty
            installScripts: true
        """);
    NpmProject project = newProject();

    Command.Result result = user.add(NpmClient.NPM, project, "tg-scripty");

    assertInstalled(Set.of("tg-scripty@1.0.0"), project, result);
    assertTrue(Files.exists(project.installedDir("tg-scripty").resolve(NpmFixturePackage.INSTALL_SCRIPT_MARKER)),
        () -> "tg-scripty's postinstall did not run:\n" + diagnostics(result));
    assertTarballsServed(Set.of("tg-scripty@1.0.0"));
  }

  @Test
  void aReleaseYoungerThanTheMinimumAgeIsHeldBack() throws Exception {
    startGateway("""
        minimumReleaseAge: 1h
        allow:
          - name: tg-left-pad
        """);
    NpmProject project = newProject();

    Command.Result result = user.add(NpmClient.NPM, project, "tg-left-pad");

    assertNotEquals(0, result.exitCode(), () -> diagnostics(result));
    assertOutputContains(result, "Blocked by policy: version 1.1.0 of 'tg-left-pad' was published",
        "releases younger than 1 hour are held back");
    JsonNode refusal = gateway.audit().await("/npm/tg-left-pad", 403);
    assertEquals(List.of("release-too-new"), AuditTrail.rules(refusal), refusal::toString);
  }

  @Test
  void anEntryMayWaiveTheMinimumAge() throws Exception {
    startGateway("""
        minimumReleaseAge: 1h
        allow:
          - name: tg-left-pad
            minimumAge: 0s
            note: "our own package, published by CI"
        """);
    NpmProject project = newProject();

    Command.Result result = user.add(NpmClient.NPM, project, "tg-left-pad");

    assertInstalled(Set.of("tg-left-pad@1.1.0"), project, result);
  }

  @Test
  void privateNamesComeOnlyFromThePrivateRegistry() throws Exception {
    try (NpmUpstream privateRegistry = NpmUpstream.start(tools, work.resolve("private-verdaccio"))) {
      privateRegistry.publish(NpmFixturePackage.of("@acme/foo", "1.2.0"), work.resolve("private-sources"));
      gateway = NpmGateway.start(work.resolve("gateway"), upstream, POLICY,
          "private: { upstream: \"" + privateRegistry.url() + "\", scopes: [\"@acme\"] }");
      user = NpmClients.freshUser(tools, work.resolve("user"), gateway.registryUrl());
      String mark = upstream.mark();

      HttpResponse<String> packument = gateway.get("@acme%2ffoo", FULL_ACCEPT);

      assertEquals(200, packument.statusCode(), packument::body);
      assertEquals(List.of("1.2.0"), fieldNames(JSON.readTree(packument.body()).path("versions")));
      privateRegistry.close();
      HttpResponse<String> missing = gateway.get("@acme%2fother", FULL_ACCEPT);
      assertEquals(502, missing.statusCode(), missing::body);
      List<String> publicRequests = upstream.requestsSince(mark);
      assertTrue(publicRequests.stream().noneMatch(r -> r.contains("acme")),
          () -> "the public registry was asked for a private name: " + publicRequests);
    }
  }

  @Test
  void aDeprecatedVersionIsServedAndFlaggedInTheAuditLog() throws Exception {
    startGateway("""
        allow:
          - name: tg-unlisted
        """);
    NpmProject project = newProject();

    Command.Result result = user.add(NpmClient.NPM, project, "tg-unlisted");

    assertInstalled(Set.of("tg-unlisted@1.0.0"), project, result);
    JsonNode packument = gateway.audit().await("/npm/tg-unlisted", 200);
    assertEquals("[\"1.0.0\"]", packument.path("details").path("deprecatedVersions").toString(), packument::toString);
    JsonNode tarball = gateway.audit().await("/npm/tg-unlisted/-/tg-unlisted-1.0.0.tgz", 200);
    assertEquals("no longer maintained; use tg-left-pad", tarball.path("details").path("deprecated").asText(),
        tarball::toString);
  }

  @Test
  void aRevalidatedPackumentIsNotSentAgain() throws Exception {
    startGateway(POLICY);
    HttpResponse<String> first = gateway.get("tg-left-pad", FULL_ACCEPT);
    String etag = first.headers().firstValue("ETag").orElseThrow(() -> new AssertionError("no ETag"));

    HttpResponse<String> again = gateway.getIfNoneMatch("tg-left-pad", etag);
    HttpResponse<String> stale = gateway.getIfNoneMatch("tg-left-pad", "\"some-other-version\"");

    assertEquals(304, again.statusCode(), again::body);
    assertEquals("", again.body());
    assertEquals(200, stale.statusCode(), stale::body);
    assertEquals(first.body(), stale.body());
  }

  @Test
  void answersPings() throws Exception {
    startGateway(POLICY);

    HttpResponse<String> ping = gateway.get("-/ping", FULL_ACCEPT);

    assertEquals(200, ping.statusCode(), () -> ping.headers().map() + "\n" + ping.body());
  }

  @Test
  void refusesToPublishWithoutTellingTheRegistry() throws Exception {
    startGateway(POLICY);
    String mark = upstream.mark();

    HttpResponse<String> put = gateway.putJson("tg-left-pad", publishDocument());

    String what = put.statusCode() + " " + put.headers().map() + "\n" + put.body();
    assertTrue(put.statusCode() >= 400 && put.statusCode() < 500, what);
    assertTrue(JSON.readTree(put.body()).path("error").asText().contains("read-only"), what);
    assertEquals(List.of(), upstream.requestsSince(mark), "requests that reached the registry");
  }

  @Test
  void npmPublishThroughTheGatewayFailsAndSaysWhy() throws Exception {
    startGateway(POLICY);
    NpmClients publisher = NpmClients.freshUser(tools, work.resolve("publisher"), gateway.registryUrl(),
        "//127.0.0.1:" + gateway.port() + "/npm/:_authToken=a-token-the-gateway-must-not-need");
    Path source = NpmFixturePackage.of("tg-left-pad", "9.0.0").writeSource(work.resolve("source"));
    String mark = upstream.mark();

    Command.Result result = publisher.npm("publish", source.toString());

    assertNotEquals(0, result.exitCode(), () -> diagnostics(result));
    assertOutputContains(result, "read-only");
    assertEquals(List.of(), upstream.requestsSince(mark).stream().filter(r -> !r.startsWith("GET ")).toList(),
        "requests other than reads that reached the registry");
    assertFalse(upstream.packument("tg-left-pad").path("versions").has("9.0.0"), "9.0.0 was published");
  }

  private void startGateway(String policy) throws Exception {
    gateway = NpmGateway.start(work.resolve("gateway"), upstream, policy);
    user = NpmClients.freshUser(tools, work.resolve("user"), gateway.registryUrl());
  }

  private NpmProject newProject() throws IOException {
    return NpmProject.empty(work.resolve("project"));
  }

  /** The minimal body {@code npm publish} sends: a packument with one version and its attachment. */
  private static String publishDocument() {
    return JSON.createObjectNode().put("_id", "tg-left-pad").put("name", "tg-left-pad")
        .set("versions", JSON.createObjectNode().set("9.0.0",
            JSON.createObjectNode().put("name", "tg-left-pad").put("version", "9.0.0")))
        .toString();
  }

  private static String upstreamIntegrity(String name, String version) throws IOException, InterruptedException {
    return upstream.packument(name).path("versions").path(version).path("dist").path("integrity").asText();
  }

  /**
   * {@code client} installed {@code @acme/bar} and its dependencies, its lockfile names no address
   * past the gateway, and the audit log shows the packument (asked for at {@code packumentPath})
   * and every tarball allowed.
   */
  private void assertBarInstalledThroughTheGateway(NpmClient client, String packumentPath, NpmProject project,
      Command.Result result) throws Exception {
    assertInstalled(BAR_WITH_DEPENDENCIES, project, result);
    assertFalse(project.lockfile(client).contains(upstream.authority()),
        () -> "the lockfile points past the gateway:\n" + diagnostics(result));
    assertPageAllowed(packumentPath);
    assertTarballsServed(BAR_WITH_DEPENDENCIES);
  }

  /** The packument requested at {@code path} was served, and the audit log says it was allowed. */
  private void assertPageAllowed(String path) throws InterruptedException {
    JsonNode page = gateway.audit().await(path, 200);
    assertEquals("allow", page.path("verdict").asText(), page::toString);
  }

  /** Each tarball was served through the gateway, allowed, with exactly the bytes the registry stores. */
  private void assertTarballsServed(Set<String> ids) throws Exception {
    for (String id : new TreeSet<>(ids)) {
      String name = nameOf(id);
      String version = versionOf(id);
      String fileName = name.substring(name.indexOf('/') + 1) + "-" + version + ".tgz";
      JsonNode served = gateway.audit().await("/" + fileName, 200);
      long size = Files.size(upstream.storedTarball(name, version));
      assertAll("audit entry for " + id + ": " + served,
          () -> assertEquals("allow", served.path("verdict").asText()),
          () -> assertEquals(name, served.path("package").asText()),
          () -> assertEquals(version, served.path("version").asText()),
          () -> assertEquals(200, served.path("upstreamStatus").asInt()),
          () -> assertEquals(size, served.path("bytes").asLong()));
    }
  }

  private void assertInstalled(Set<String> expected, NpmProject project, Command.Result result) throws IOException {
    assertEquals(0, result.exitCode(), () -> diagnostics(result));
    assertEquals(new TreeSet<>(expected), project.installed(), () -> diagnostics(result));
  }

  private void assertOutputContains(Command.Result result, String... expected) {
    for (String text : expected) {
      assertTrue(result.output().contains(text), () -> "the output lacks '" + text + "'\n" + diagnostics(result));
    }
  }

  /** No file under the gateway's data directory is named after {@code baseName} or holds {@code bytes}. */
  private void assertNoCopyInTheDataDir(String baseName, byte[] bytes) throws IOException {
    try (Stream<Path> files = Files.walk(gateway.dataDir())) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        assertFalse(file.getFileName().toString().contains(baseName) || Arrays.equals(bytes, Files.readAllBytes(file)),
            "the gateway kept a tarball that failed its integrity check: " + file);
      }
    }
  }

  private static List<String> fieldNames(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static String nameOf(String id) {
    return id.substring(0, id.lastIndexOf('@'));
  }

  private static String versionOf(String id) {
    return id.substring(id.lastIndexOf('@') + 1);
  }

  /** The tools' versions, the client's command and output, the registry's log tail and the audit log. */
  private String diagnostics(Command.Result result) {
    List<String> log = upstream.log().lines().toList();
    return tools.versions() + "\n" + result.describe()
        + "\n--- verdaccio log (last 30 lines) ---\n" + String.join("\n", log.subList(Math.max(0, log.size() - 30),
        log.size()))
        + "\n--- audit log ---\n" + (gateway == null ? "(no gateway)" : gateway.audit().text());
  }
}
