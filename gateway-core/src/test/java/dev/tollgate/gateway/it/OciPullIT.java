package dev.tollgate.gateway.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Real skopeo and podman pulling through the gateway, configured as a registries.conf mirror, from
 * Debian's docker-registry holding images the test pushed. The registry name the clients pull by
 * points at a closed port, so a refusal cannot be hidden by the clients' silent fallback: whatever
 * they got, they got through Tollgate. Each test asserts what a user or the security team would
 * notice: the client's exit code and output, the pulled digests, the requests that reached the
 * registry, the audit log and the gateway's cache.
 */
@ExtendWith(NettyLeakCheck.class)
class OciPullIT {

  /** The OCI policy for a registry at {@code %1$s} (its host:port); {@code %2$s} is a digest's hex never pushed. */
  private static final String POLICY = """
      allow:
        - name: "%1$s/tollgate/hello"
        - name: "%1$s/tollgate/tampered"
        - name: "%1$s/library/ubuntu"
        - name: "%1$s/tollgate/multi"
          version: "v1, sha256:%2$s"
        - name: "%1$s/tollgate/pinned"
          version: "v1, sha256:%2$s"
      """;
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The hex of a sha256 digest no content has here. */
  private static final String ZEROS = "0000000000000000000000000000000000000000000000000000000000000000";

  @TempDir static Path shared;

  private static OciTools tools;
  private static OciRegistry registry;
  private static OciGateway gateway;
  private static OciImage hello;
  private static OciImage tampered;
  private static OciImage attachment;
  private static OciImage platform;
  private static String multiIndex;

  @TempDir Path dir;

  @BeforeAll
  static void pushImagesAndStartTheGateway() throws Exception {
    tools = OciTools.require();
    registry = OciRegistry.start(tools, shared.resolve("registry"));
    Skopeo pusher = new Skopeo(tools, shared.resolve("pusher"),
        ClientRegistries.mirroredAt(shared.resolve("pusher-conf"), registry.authority()));
    hello = OciImage.write(shared.resolve("hello"), "v1", "hello from tollgate\n");
    tampered = OciImage.write(shared.resolve("tampered"), "v1", "bytes the registry will lose\n");
    pusher.push(hello, registry.authority(), "tollgate/hello", "v1");
    pusher.push(hello, registry.authority(), "tollgate/unlisted", "v1");
    pusher.push(hello, registry.authority(), "tollgate/pinned", "v1");
    pusher.push(hello, registry.authority(), "library/ubunto", "v1");
    pusher.push(tampered, registry.authority(), "tollgate/tampered", "v1");
    platform = OciImage.write(shared.resolve("multi"), "v1", "one platform of an index\n");
    multiIndex = platform.indexOver();
    pusher.push(platform, registry.authority(), "tollgate/multi", "v1");
    attachment = OciImage.write(shared.resolve("attachment"), "v1", "stands in for a signature\n");
    pusher.push(attachment, registry.authority(), "tollgate/hello", "attachment");
    Files.writeString(registry.blobFile(tampered.layer()), "not the layer the manifest names\n");
    gateway = OciGateway.start(shared.resolve("gateway"), registry, POLICY.formatted(registry.authority(), ZEROS), "",
        Map.of());
  }

  @AfterAll
  static void stop() {
    if (gateway != null) {
      gateway.close();
    }
    if (registry != null) {
      registry.close();
    }
  }

  private ClientRegistries mirror() throws Exception {
    return ClientRegistries.mirroredAt(dir.resolve("conf"), gateway.authority());
  }

  @Test
  void skopeoCopiesAnAllowedImageThroughTheMirror() throws Exception {
    Skopeo skopeo = new Skopeo(tools, dir.resolve("skopeo"), mirror());

    Command.Result pulled = skopeo.pull("tollgate/hello", "v1", dir.resolve("pulled"));

    assertEquals(0, pulled.exitCode(), pulled.describe() + "\n--- audit ---\n" + gateway.audit().text());
    JsonNode index = JSON.readTree(dir.resolve("pulled/index.json").toFile());
    assertEquals(hello.manifest(), index.path("manifests").path(0).path("digest").asText());
    assertTrue(Files.exists(dir.resolve("pulled/blobs/sha256").resolve(hex(hello.layer()))));
    JsonNode manifestLine = gateway.audit().await("/tollgate/hello/manifests/v1", 200);
    assertAll(
        () -> assertEquals("allow", manifestLine.path("verdict").asText()),
        () -> assertEquals(hello.manifest(), manifestLine.path("details").path("digest").asText()),
        () -> assertEquals("allow", gateway.audit().await("/blobs/" + hello.layer(), 200).path("verdict").asText()));
  }

  @Test
  void podmanPullsAnAllowedImageThroughTheMirror() throws Exception {
    Podman podman = new Podman(tools, dir.resolve("podman"), mirror());

    Command.Result pulled = podman.pull("tollgate/hello", "v1");

    assertEquals(0, pulled.exitCode(), pulled.describe() + "\n--- audit ---\n" + gateway.audit().text());
    assertTrue(pulled.output().contains(hex(hello.config())), "podman prints the image id:\n" + pulled.describe());
    Command.Result digests = podman.run(List.of("images", "--digests", "--format", "{{.Digest}}"));
    assertTrue(digests.output().contains(hello.manifest()), digests.describe());
  }

  @Test
  void podmanPullsAnIndexWhosePlatformManifestTheIndexVouchesFor() throws Exception {
    Podman podman = new Podman(tools, dir.resolve("podman"), mirror());

    Command.Result pulled = podman.pull("tollgate/multi", "v1");

    assertEquals(0, pulled.exitCode(), pulled.describe() + "\n--- audit ---\n" + gateway.audit().text());
    JsonNode index = gateway.audit().await("/tollgate/multi/manifests/v1", 200);
    assertEquals(multiIndex, index.path("details").path("digest").asText());
    JsonNode child = gateway.audit().await("/tollgate/multi/manifests/" + platform.manifest(), 200);
    assertEquals("allow", child.path("verdict").asText(), "the entry lists another digest, the index vouches: " + child);
    gateway.audit().await("/tollgate/multi/blobs/" + platform.layer(), 200);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({"tollgate/unlisted, not-allowed", "library/ubunto, typosquat"})
  void aRefusedRepositoryIsDeniedInTheClientsOutputAndNeverFetched(String repository, String rule) throws Exception {
    Skopeo skopeo = new Skopeo(tools, dir.resolve("skopeo"), mirror());
    long before = registry.requestsFor("/v2/" + repository + "/manifests/v1");

    Command.Result pulled = skopeo.pull(repository, "v1", dir.resolve("pulled"));

    assertNotEquals(0, pulled.exitCode(), pulled.describe());
    assertTrue(pulled.output().contains("denied: Blocked by policy"), pulled.describe());
    JsonNode line = gateway.audit().await("/" + repository + "/manifests/v1", "the ref skopeo printed",
        e -> e.path("status").asInt() == 403 && pulled.output().contains("(ref " + e.path("id").asText() + ")"));
    assertEquals("deny", line.path("verdict").asText());
    assertEquals(List.of(rule), AuditTrail.rules(line));
    assertEquals(before, registry.requestsFor("/v2/" + repository + "/manifests/v1"), "no upstream request");
  }

  @Test
  void podmanPrintsTheRefusal() throws Exception {
    Podman podman = new Podman(tools, dir.resolve("podman"), mirror());

    Command.Result pulled = podman.pull("library/ubunto", "v1");

    assertNotEquals(0, pulled.exitCode(), pulled.describe());
    assertTrue(pulled.output().contains("denied: Blocked by policy"), pulled.describe());
    assertTrue(pulled.output().contains("typosquat of"), pulled.describe());
  }

  @Test
  void aTamperedLayerFailsThePullAndIsNotCached() throws Exception {
    Skopeo skopeo = new Skopeo(tools, dir.resolve("skopeo"), mirror());

    Command.Result pulled = skopeo.pull("tollgate/tampered", "v1", dir.resolve("pulled"));

    assertNotEquals(0, pulled.exitCode(), pulled.describe());
    JsonNode line = gateway.audit().await("/blobs/" + tampered.layer(), "an aborted download",
        e -> e.path("details").has("aborted"));
    assertTrue(line.path("details").path("aborted").asText().contains("mismatch"), line.toString());
    assertFalse(gateway.cacheHolds(tampered.layer()), "the cache keeps nothing of a tampered blob");
  }

  @Test
  void aBlobNoAllowedManifestReferencesIsDenied() throws Exception {
    String unreferenced = OciImage.digest("never pushed\n".getBytes(StandardCharsets.UTF_8));

    HttpResponse<String> response = gateway.send("GET", "tollgate/hello/blobs/" + unreferenced, Map.of());

    assertEquals(403, response.statusCode(), response.body());
    assertEquals("DENIED", JSON.readTree(response.body()).path("errors").path(0).path("code").asText());
    assertTrue(response.body().contains("not referenced"), response.body());
    JsonNode line = gateway.audit().await("/blobs/" + unreferenced, 403);
    assertEquals(List.of("unreferenced-blob"), AuditTrail.rules(line));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"PUT manifests/v2", "DELETE manifests/sha256:" + ZEROS, "POST blobs/uploads/",
      "PATCH blobs/uploads/some-session"})
  void writesAreRefusedAsUnsupported(String request) throws Exception {
    String[] parts = request.split(" ", 2);

    HttpResponse<String> response = gateway.send(parts[0], "tollgate/hello/" + parts[1], Map.of());

    assertEquals(405, response.statusCode(), response.body());
    assertEquals("UNSUPPORTED", JSON.readTree(response.body()).path("errors").path(0).path("code").asText());
  }

  @Test
  void skopeoCannotPushThroughTheGateway() throws Exception {
    Skopeo skopeo = new Skopeo(tools, dir.resolve("skopeo"), mirror());

    Command.Result pushed = skopeo.run(List.of("copy", "--dest-tls-verify=false", hello.source(),
        "docker://" + gateway.authority() + "/tollgate/hello:pushed"));

    assertNotEquals(0, pushed.exitCode(), pushed.describe());
    assertEquals(0, registry.requestsFor("/v2/tollgate/hello/manifests/pushed"));
  }

  @Test
  void anUpstreamThatDemandsTokensIsServedWithoutTheClientSeeingItsRealm() throws Exception {
    try (TokenServer tokens = TokenServer.start(tools, dir, "robot", "s3cret");
        OciRegistry authed = OciRegistry.startWithTokens(tools, dir.resolve("authed"), tokens)) {
      Skopeo direct = new Skopeo(tools, dir.resolve("pusher"), ClientRegistries.mirroredAt(dir.resolve("pc"),
          authed.authority()));
      Command.Result pushed = direct.run(List.of("copy", "--dest-tls-verify=false", "--dest-creds", "robot:s3cret",
          hello.source(), "docker://" + authed.authority() + "/tollgate/hello:v1"));
      assertEquals(0, pushed.exitCode(), pushed.describe());
      int pushTokens = tokens.requests().size();

      try (OciGateway tokenGateway = OciGateway.start(dir.resolve("gw"), authed,
          POLICY.formatted(authed.authority(), ZEROS),
          "credentials: { usernameEnv: TG_IT_USER, passwordEnv: TG_IT_PASSWORD }",
          Map.of("TG_IT_USER", "robot", "TG_IT_PASSWORD", "s3cret"))) {
        Skopeo skopeo = new Skopeo(tools, dir.resolve("skopeo"),
            ClientRegistries.mirroredAt(dir.resolve("conf"), tokenGateway.authority()));

        Command.Result pulled = skopeo.pull("tollgate/hello", "v1", dir.resolve("pulled"));

        assertEquals(0, pulled.exitCode(), pulled.describe() + "\n--- registry ---\n" + authed.log());
        List<TokenServer.Request> fromGateway = tokens.requests().subList(pushTokens, tokens.requests().size());
        assertFalse(fromGateway.isEmpty(), "the gateway fetched a token");
        assertAll(fromGateway.stream().map(r -> () -> {
          assertTrue(r.userAgent().startsWith("tollgate/"), "only the gateway asks for tokens: " + r);
          assertTrue(r.query().contains("scope=repository:tollgate/hello:pull"), r.query());
          assertTrue(r.authorization().isPresent(), "configured credentials are sent: " + r);
        }));
        assertTrue(fromGateway.size() <= 2, "tokens are cached, not fetched per request: " + fromGateway);
      }
    }
  }

  @Test
  void theDigestAnAllowedTagResolvedToMayBeFetchedWhereTheEntryNamesOtherDigests() throws Exception {
    Map<String, String> accept = Map.of("Accept", OciImage.MANIFEST_TYPE);
    String byDigest = "tollgate/pinned/manifests/" + hello.manifest();

    HttpResponse<String> before = gateway.send("GET", byDigest, accept);
    HttpResponse<String> tag = gateway.send("GET", "tollgate/pinned/manifests/v1", accept);
    HttpResponse<String> after = gateway.send("GET", byDigest, accept);

    assertEquals(403, before.statusCode(), "the entry names tag v1 and another digest: " + before.body());
    assertEquals(200, tag.statusCode(), tag.body());
    assertEquals(hello.manifest(), tag.headers().firstValue("Docker-Content-Digest").orElse(""));
    assertEquals(200, after.statusCode(), "the tag's manifest vouches for its digest: " + after.body());
    assertEquals(tag.body(), after.body());
  }

  @Test
  void headRequestsAnswerDigestAndLengthWithoutABody() throws Exception {
    HttpResponse<String> manifest = gateway.send("HEAD", "tollgate/hello/manifests/v1",
        Map.of("Accept", OciImage.MANIFEST_TYPE));
    HttpResponse<String> blob = gateway.send("HEAD", "tollgate/hello/blobs/" + hello.layer(), Map.of());

    assertEquals(200, manifest.statusCode());
    assertEquals(hello.manifest(), manifest.headers().firstValue("Docker-Content-Digest").orElse(""));
    assertEquals(String.valueOf(hello.manifestSize()), manifest.headers().firstValue("Content-Length").orElse(""));
    assertEquals("", manifest.body());
    assertEquals(200, blob.statusCode(), "the manifest just fetched references the layer");
    assertEquals("", blob.body());
  }

  @Test
  void theTagListOfAnAllowedRepositoryComesFromTheUpstream() throws Exception {
    HttpResponse<String> response = gateway.send("GET", "tollgate/hello/tags/list", Map.of());

    assertEquals(200, response.statusCode(), response.body());
    assertEquals("v1", JSON.readTree(response.body()).path("tags").path(0).asText(), response.body());
    assertEquals(403, gateway.send("GET", "tollgate/unlisted/tags/list", Map.of()).statusCode());
  }

  @Test
  void referrersComeFromTheTagSchemaFallbackFilteredByArtifactType() throws Exception {
    String signature = attachment.manifest();
    String index = """
        {"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[
          {"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"%s","size":%d,
           "artifactType":"application/vnd.dev.sigstore.bundle.v0.3+json"}]}""".formatted(signature,
        attachment.manifestSize());
    registry.putManifest("tollgate/hello", "sha256-" + hex(hello.manifest()), "application/vnd.oci.image.index.v1+json",
        index);

    HttpResponse<String> all = gateway.send("GET", "tollgate/hello/referrers/" + hello.manifest(), Map.of());
    HttpResponse<String> filtered = gateway.send("GET", "tollgate/hello/referrers/" + hello.manifest()
        + "?artifactType=application/vnd.example.sbom", Map.of());
    HttpResponse<String> none = gateway.send("GET", "tollgate/hello/referrers/" + tampered.manifest(), Map.of());

    assertEquals(200, all.statusCode(), all.body());
    assertEquals(signature, JSON.readTree(all.body()).path("manifests").path(0).path("digest").asText(), all.body());
    assertEquals(200, filtered.statusCode(), filtered.body());
    assertEquals(0, JSON.readTree(filtered.body()).path("manifests").size(), filtered.body());
    assertEquals("artifactType", filtered.headers().firstValue("OCI-Filters-Applied").orElse(""));
    assertEquals(200, none.statusCode(), none.body());
    assertEquals(0, JSON.readTree(none.body()).path("manifests").size(), none.body());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/v2/tollgate/../secret/manifests/v1", "/v2/tollgate%2fhello/manifests/v1",
      "/v2/tollgate/hello/blobs/sha256:zz", "/v2/Tollgate/Hello/manifests/v1", "/v2/tollgate/hello/manifests/-v1"})
  void hostileRequestsGet400WithAnOciErrorAndNeverReachTheUpstream(String target) throws Exception {
    String upstreamLogBefore = registry.log();

    RawHttp.Response response = RawHttp.get(gateway.port(), target);

    assertEquals(400, response.status(), response.body());
    assertTrue(response.body().contains("\"errors\""), response.body());
    assertEquals(upstreamLogBefore.length(), registry.log().length(), "no request reached the registry");
  }

  private static String hex(String digest) {
    return digest.substring(digest.indexOf(':') + 1);
  }
}
