package dev.tollgate.gateway.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

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
 * Policy as files and the admin API, end to end: a real gateway in front of a real PyPI upstream,
 * its policy edited on disk (as an editor or {@code git checkout} would) and through the admin API,
 * and every effect checked by an agent's real request.
 */
@ExtendWith(NettyLeakCheck.class)
class PolicyAdminIT {

  private static final String POLICY = """
      # PyPI policy for the tests. Review changes like code.

      allow:
        # the one package everyone needs
        - name: tg-alpha
          note: "platform team"   # asked in TICKET-1

      deny: []   # nothing yet
      """;
  private static final Duration RELOAD_DEADLINE = Duration.ofSeconds(2);
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String LIST = "/admin/lists/pypi/allow";

  @TempDir
  static Path shared;
  private static UpstreamServer upstream;

  @TempDir
  Path work;
  private AdminGateway gateway;

  @BeforeAll
  static void startUpstream() throws Exception {
    Python python = Python.require();
    FixtureIndex fixtures = FixtureIndex.write(shared.resolve("index"), List.of(
        FixtureRelease.of("tg-alpha", "1.0.0"), FixtureRelease.of("tg-beta", "1.0.0"),
        FixtureRelease.of("tg-gamma", "1.0.0")));
    upstream = UpstreamServer.start(SimpleApiFormat.HTML, fixtures, python, shared);
  }

  @AfterAll
  static void stopUpstream() {
    upstream.close();
  }

  @BeforeEach
  void startGateway() throws Exception {
    gateway = AdminGateway.start(work, upstream, POLICY);
  }

  @AfterEach
  void stopGateway() {
    gateway.close();
  }

  @Test
  void theAdminApiWantsItsTokenAndIsNotOnTheAgentPort() throws Exception {
    AdminGateway.Reply none = gateway.admin("GET", "/admin/status", Optional.empty(), null, Optional.empty());
    AdminGateway.Reply wrong = gateway.admin("GET", "/admin/status", Optional.empty(), null,
        Optional.of("Bearer not-the-token"));
    AdminGateway.Reply basic = gateway.admin("GET", "/admin/status", Optional.empty(), null,
        Optional.of("Basic " + Base64.getEncoder().encodeToString(("x:" + AdminGateway.TOKEN).getBytes())));
    AdminGateway.Reply right = gateway.admin("GET", "/admin/status", Optional.empty(), null);
    HttpResponse<String> onAgentPort = gateway.agent("/admin/status", Optional.empty());
    HttpResponse<String> adminTokenOnAgentPort = gateway.agent("/admin/status",
        Optional.of("Bearer " + AdminGateway.TOKEN));
    assertAll(
        () -> assertEquals(401, none.status(), "no token"),
        () -> assertEquals(Optional.of("Bearer realm=\"tollgate-admin\""), none.challenge()),
        () -> assertEquals(401, wrong.status(), "wrong token"),
        () -> assertEquals(401, basic.status(), "the token in basic auth"),
        () -> assertEquals(200, right.status(), right.body().toString()),
        () -> assertEquals("ok", right.body().path("state").asText()),
        () -> assertEquals(404, onAgentPort.statusCode(), "admin path on the agent port"),
        () -> assertEquals(401, adminTokenOnAgentPort.statusCode(), "an admin token is no agent token"));
  }

  @Test
  void anAddAndARemoveKeepTheFileAsWrittenAndTakeEffectAtOnce() throws Exception {
    assertEquals("deny", gateway.page("tg-beta"));
    AdminGateway.Reply added = gateway.admin("POST", LIST, etag(),
        "{\"name\": \"tg-beta\", \"version\": \">=1.0\", \"note\": \"data team: parsing\", \"expires\": \"2099-01-01\"}");
    assertEquals(201, added.status(), added.body().toString());
    assertEquals(POLICY.replace("""
              note: "platform team"   # asked in TICKET-1
            """, """
              note: "platform team"   # asked in TICKET-1
              - name: tg-beta
                version: ">=1.0"
                note: "data team: parsing"
                expires: 2099-01-01
            """), read(gateway.policyFile()));
    assertEquals("allow", gateway.page("tg-beta"), "in force when the edit returns");

    AdminGateway.Reply removed = gateway.admin("DELETE", LIST + "/tg-beta", added.etag(), null);
    assertEquals(200, removed.status(), removed.body().toString());
    assertEquals(POLICY, read(gateway.policyFile()), "back to the original text, comments and all");
    assertEquals("deny", gateway.page("tg-beta"));
  }

  @Test
  void editsNeedTheCurrentETagAndAValidResult() throws Exception {
    AdminGateway.Reply missing = gateway.admin("POST", LIST, Optional.empty(), "{\"name\": \"tg-beta\"}");
    AdminGateway.Reply stale = gateway.admin("POST", LIST, Optional.of("\"0123456789abcdef0123456789abcdef\""),
        "{\"name\": \"tg-beta\"}");
    AdminGateway.Reply invalid = gateway.admin("POST", LIST, etag(),
        "{\"name\": \"tg-beta\", \"version\": \"newest please\"}");
    AdminGateway.Reply notJson = gateway.admin("POST", LIST, etag(), "name=tg-beta");
    AdminGateway.Reply duplicate = gateway.admin("POST", LIST, etag(), "{\"name\": \"TG_Alpha\"}");
    AdminGateway.Reply noSuchEntry = gateway.admin("DELETE", LIST + "/tg-beta", etag(), null);
    AdminGateway.Reply badList = gateway.admin("GET", "/admin/lists/pypi/maybe", Optional.empty(), null);
    assertAll(
        () -> assertEquals(428, missing.status(), missing.body().toString()),
        () -> assertEquals(412, stale.status(), stale.body().toString()),
        () -> assertEquals(400, invalid.status(), invalid.body().toString()),
        () -> assertTrue(invalid.body().path("error").asText().contains("pypi.yaml:"), invalid.body().toString()),
        () -> assertTrue(invalid.body().path("error").asText().contains("version"), invalid.body().toString()),
        () -> assertEquals(400, notJson.status(), notJson.body().toString()),
        () -> assertEquals(409, duplicate.status(), duplicate.body().toString()),
        () -> assertEquals(404, noSuchEntry.status(), noSuchEntry.body().toString()),
        () -> assertEquals(400, badList.status(), badList.body().toString()),
        () -> assertEquals(POLICY, read(gateway.policyFile()), "nothing written"),
        () -> assertEquals("deny", gateway.page("tg-beta")));
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource(delimiter = '|', textBlock = """
      GET    | /admin/decisions?since=yesterday              | 400
      GET    | /admin/decisions?since=99999999999999d        | 400
      GET    | /admin/decisions?limit=0                      | 400
      GET    | /admin/decisions/not-an-id!                   | 400
      GET    | /admin/decisions/ZZZZZZZZ                     | 404
      GET    | /admin/check?ecosystem=cobol&package=x        | 400
      GET    | /admin/check?ecosystem=pypi                   | 400
      GET    | /admin/check?ecosystem=pypi&package=x&set=lax | 400
      GET    | /admin/lists/pypi/allow?set=lax               | 400
      GET    | /admin/lists/maven/allow                      | 400
      POST   | /admin/status                                 | 405
      PUT    | /admin/lists/pypi/allow                       | 405
      GET    | /admin/nothing-here                           | 404
      GET    | /not-here/metrics                             | 404
      """)
  void badAdminRequestsGetAClear4xx(String method, String path, int status) throws Exception {
    AdminGateway.Reply reply = gateway.admin(method, path, Optional.empty(), null);
    assertEquals(status, reply.status(), reply.body().toString());
    assertTrue(reply.body().path("error").asText().length() > 10, reply.body().toString());
  }

  @Test
  void concurrentWritersLoseNoEntry() throws Exception {
    int writers = 6;
    int entriesEach = 4;
    AtomicInteger conflicts = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      List<Future<Void>> done = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        int writer = w;
        done.add(pool.submit((Callable<Void>) () -> {
          for (int i = 0; i < entriesEach; i++) {
            addWithRetries("pkg-" + writer + "-" + i, conflicts);
          }
          return null;
        }));
      }
      for (Future<Void> writer : done) {
        writer.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    Set<String> names = new HashSet<>();
    gateway.admin("GET", LIST, Optional.empty(), null).body().path("entries")
        .forEach(e -> names.add(e.path("name").asText()));
    assertEquals(1 + writers * entriesEach, names.size(), "every entry is in the file: " + names);
    assertTrue(read(gateway.policyFile()).startsWith("# PyPI policy for the tests."), "the header comment stays");
    assertEquals("allow", gateway.page("tg-alpha"));
    System.out.println("concurrent writers: " + writers * entriesEach + " entries, " + conflicts.get()
        + " stale-ETag retries (412)");
  }

  @Test
  void aFileEditIsInForceWithinTwoSecondsAndAnInvalidOneIsRejectedWhole() throws Exception {
    assertEquals("deny", gateway.page("tg-beta"));
    long start = System.nanoTime();
    saveLikeAnEditor(gateway.policyFile(), POLICY.replace("deny: []", """
          - name: tg-beta
        deny: []"""));
    awaitPage("tg-beta", "allow");
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertTrue(took.compareTo(RELOAD_DEADLINE) < 0, "reloaded after " + took);
    System.out.println("hot reload: a saved edit was in force after " + took.toMillis() + " ms");

    saveLikeAnEditor(gateway.policyFile(), POLICY.replace("deny: []", """
          - name: tg-beta
          - name: tg-gamma
            expires: next tuesday
        deny: []"""));
    JsonNode degraded = awaitStatus(s -> "degraded".equals(s.path("state").asText()));
    String error = degraded.path("lastError").asText();
    assertAll(
        () -> assertTrue(error.contains("pypi.yaml:10"), error),
        () -> assertTrue(error.contains("allow[2].expires"), error),
        () -> assertTrue(error.contains("not a date"), error),
        () -> assertEquals(1, degraded.path("reloadErrors").asInt()),
        () -> assertEquals("allow", gateway.page("tg-beta"), "the previous policy still allows tg-beta"),
        () -> assertEquals("deny", gateway.page("tg-gamma"), "nothing of the invalid file is in force"),
        () -> assertEquals(200, gateway.agent("/readyz", Optional.empty()).statusCode(), "still ready"));

    saveLikeAnEditor(gateway.policyFile(), POLICY);
    JsonNode fixed = awaitStatus(s -> "ok".equals(s.path("state").asText()));
    assertTrue(fixed.path("lastError").isNull(), fixed.toString());
    assertEquals("deny", gateway.page("tg-beta"));
  }

  @Test
  void anExpiredEntryStopsAllowingOnItsDate() throws Exception {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    assertEquals(201, gateway.admin("POST", LIST, etag(),
        "{\"name\": \"tg-beta\", \"expires\": \"" + today + "\"}").status());
    assertEquals(201, gateway.admin("POST", LIST, etag(),
        "{\"name\": \"tg-gamma\", \"expires\": \"" + today.plusDays(1) + "\"}").status());
    String expired = gateway.page("tg-beta");
    JsonNode refusal = gateway.admin("GET", "/admin/decisions?denied=true&package=tg-beta", Optional.empty(), null)
        .body().path("decisions").path(0);
    JsonNode explained = gateway.admin("GET", "/admin/check?ecosystem=pypi&package=tg-beta&version=1.0.0",
        Optional.empty(), null).body();
    assertAll(
        () -> assertEquals("deny", expired),
        () -> assertTrue(refusal.path("reasons").path(0).path("message").asText().contains("expired on " + today),
            refusal.toString()),
        () -> assertEquals("deny", explained.path("verdict").asText(), explained.toString()),
        () -> assertEquals("entry-expired", explained.path("reasons").path(0).path("rule").asText()),
        () -> assertEquals("allow", gateway.page("tg-gamma"), "allowed through its last day"));
  }

  @Test
  void theCliEditsListsTurnsARefusalIntoAnEntryAndReportsStatus() throws Exception {
    Cli added = cli("allow", "add", "pypi", "tg-beta", ">=1", "--note", "data team: parsing", "--expires", "2099-01-01");
    assertEquals(0, added.exit(), added.output());
    assertTrue(added.output().contains("tg-beta >=1 until 2099-01-01 - data team: parsing"), added.output());
    assertEquals("allow", gateway.page("tg-beta"));

    String ref = gateway.refusalRef("tg-gamma");
    Cli decisions = awaitCli(out -> out.contains(ref), "decisions", "--denied", "--since", "1h", "--package", "tg-gamma");
    assertTrue(decisions.output().contains("deny  pypi tg-gamma"), decisions.output());

    Cli fromDecision = cli("allow", "from-decision", ref);
    assertEquals(0, fromDecision.exit(), fromDecision.output());
    assertTrue(fromDecision.output().contains("tg-gamma * - from decision " + ref), fromDecision.output());
    assertEquals("allow", gateway.page("tg-gamma"));

    Cli denied = cli("deny", "add", "pypi", "tg-alpha", "--note", "compromised, see INC-7");
    Cli removed = cli("allow", "remove", "pypi", "tg-beta");
    Cli status = cli("status");
    Cli reload = cli("reload");
    Cli wrongToken = cli("allow", "add", "pypi", "tg-delta", "--token", "guess");
    String file = read(gateway.policyFile());
    assertAll(
        () -> assertEquals(0, denied.exit(), denied.output()),
        () -> assertEquals("deny", gateway.page("tg-alpha")),
        () -> assertEquals(0, removed.exit(), removed.output()),
        () -> assertEquals("deny", gateway.page("tg-beta")),
        () -> assertEquals(0, status.exit(), status.output()),
        () -> assertTrue(status.output().startsWith("policy: ok"), status.output()),
        () -> assertEquals(0, reload.exit(), reload.output()),
        () -> assertTrue(reload.output().contains("reloads 5"), reload.output()),
        () -> assertEquals(1, wrongToken.exit(), wrongToken.output()),
        () -> assertTrue(wrongToken.output().contains("401"), wrongToken.output()),
        () -> assertTrue(file.contains("# the one package everyone needs"), file),
        () -> assertTrue(file.contains("note: \"compromised, see INC-7\""), file));
  }

  /** What a CLI command printed (stdout and stderr) and its exit status. */
  private record Cli(int exit, String output) {}

  private Cli cli(String... args) {
    List<String> command = new ArrayList<>(List.of(args));
    if (!command.contains("--token")) {
      command.addAll(List.of("--token", AdminGateway.TOKEN));
    }
    command.addAll(List.of("--admin-url", gateway.adminUrl()));
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
      int exit = dev.tollgate.gateway.Main.run(command, out, out);
      return new Cli(exit, printed.toString(StandardCharsets.UTF_8));
    }
  }

  /** Runs a CLI command until its output passes {@code test} (the journal is fed right after the answer). */
  private Cli awaitCli(Predicate<String> test, String... args) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    Cli last;
    do {
      last = cli(args);
      if (last.exit() == 0 && test.test(last.output())) {
        return last;
      }
      Thread.sleep(20);
    } while (System.nanoTime() < deadline);
    throw new AssertionError("tollgate " + String.join(" ", args) + " never printed what was expected:\n"
        + last.output());
  }

  private void addWithRetries(String name, AtomicInteger conflicts) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    for (int attempt = 0; attempt < 200 && System.nanoTime() < deadline; attempt++) {
      AdminGateway.Reply reply = gateway.admin("POST", LIST, etag(), "{\"name\": \"" + name + "\"}");
      if (reply.status() == 201) {
        return;
      }
      assertEquals(412, reply.status(), reply.body().toString());
      conflicts.incrementAndGet();
    }
    throw new AssertionError("could not add " + name + " within 200 attempts or 60 s");
  }

  private Optional<String> etag() throws IOException, InterruptedException {
    AdminGateway.Reply listing = gateway.admin("GET", LIST, Optional.empty(), null);
    assertEquals(200, listing.status(), listing.body().toString());
    return listing.etag();
  }

  private void awaitPage(String project, String verdict) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    String last;
    do {
      last = gateway.page(project);
      if (last.equals(verdict)) {
        return;
      }
      Thread.sleep(20);
    } while (System.nanoTime() < deadline);
    throw new AssertionError(project + " still answered " + last + " after " + WAIT);
  }

  private JsonNode awaitStatus(Predicate<JsonNode> wanted) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    long start = System.nanoTime();
    JsonNode status;
    do {
      status = gateway.admin("GET", "/admin/status", Optional.empty(), null).body();
      if (wanted.test(status)) {
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(RELOAD_DEADLINE) < 0, "status changed only after " + took);
        return status;
      }
      Thread.sleep(20);
    } while (System.nanoTime() < deadline);
    throw new AssertionError("status never changed as expected: " + status);
  }

  /** Saves as vim and most editors do: a new file beside the old one, renamed over it. */
  private static void saveLikeAnEditor(Path file, String text) throws IOException {
    Path temp = file.resolveSibling(file.getFileName() + ".swp-new");
    Files.writeString(temp, text, StandardCharsets.UTF_8);
    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }

}
