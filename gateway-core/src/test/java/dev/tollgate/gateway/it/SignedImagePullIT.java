package dev.tollgate.gateway.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.adapter.sigstore.CosignTags;
import dev.tollgate.adapter.sigstore.SignatureManifests;
import dev.tollgate.adapter.sigstore.testing.FakeKeys;
import dev.tollgate.adapter.sigstore.testing.FakeSigstore;
import dev.tollgate.adapter.sigstore.testing.OciArtifact;
import dev.tollgate.adapter.sigstore.testing.Signer;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Image signatures enforced at pull time, end to end: images pushed to Debian's docker-registry
 * with signatures minted by the test's own Sigstore (cosign's {@code .sig} tag, and a Sigstore
 * bundle referrer found through the referrers tag schema, since docker-registry 2.8 lacks the
 * referrers API), a gateway whose signature policy trusts one key and one keyless identity of that
 * Sigstore, and real skopeo and podman pulling through it as a mirror of a registry name whose own
 * location is a closed port — so every refusal is the gateway's, never hidden by a fallback.
 */
@ExtendWith(NettyLeakCheck.class)
class SignedImagePullIT {

  private static final String RELEASE = "https://ci.tollgate.test/acme/app/.github/workflows/release.yml@refs/tags/v1";
  private static final String FORK = "https://ci.tollgate.test/mallory/app/.github/workflows/release.yml@refs/tags/v1";
  private static final String OCI_POLICY = """
      allow:
        - name: "%1$s/signed/*"
        - name: "%1$s/tollgate/unruled"
      """;
  private static final String SIGNATURE_POLICY = """
      unmatched: deny
      images:
        - glob: "%s/signed/*"
          authorities:
            - name: release-key
              key: |
      %s
            - name: release-workflow
              keyless:
                identities:
                  - issuer: %s
                    subject: %s
      """;
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path shared;

  private static OciTools tools;
  private static OciRegistry registry;
  private static OciGateway gateway;
  private static FakeSigstore sigstore;
  private static KeyPair releaseKey;
  private static OciImage keyed;
  private static OciImage bundled;
  private static OciArtifact keyedSignature;
  private static OciArtifact bundleReferrer;

  @TempDir Path dir;

  @BeforeAll
  static void pushSignedImagesAndStartTheGateway() throws Exception {
    tools = OciTools.require();
    registry = OciRegistry.start(tools, shared.resolve("registry"));
    sigstore = FakeSigstore.create("trusted");
    FakeSigstore stranger = FakeSigstore.create("stranger");
    releaseKey = FakeKeys.ec("secp256r1");
    Skopeo pusher = new Skopeo(tools, shared.resolve("pusher"),
        ClientRegistries.mirroredAt(shared.resolve("pusher-conf"), registry.authority()));

    keyed = push(pusher, "signed/keyed");
    keyedSignature = sign(keyed, "signed/keyed", Signer.withKey(releaseKey));
    sign(push(pusher, "signed/keyless"), "signed/keyless", sigstore.keyless(RELEASE));
    bundled = push(pusher, "signed/bundled");
    bundleReferrer = attachBundle(bundled, "signed/bundled", sigstore.keyless(RELEASE));
    push(pusher, "signed/unsigned");
    sign(push(pusher, "signed/wrong-identity"), "signed/wrong-identity", sigstore.keyless(FORK));
    sign(push(pusher, "signed/wrong-key"), "signed/wrong-key", Signer.withKey(FakeKeys.ec("secp256r1")));
    sign(push(pusher, "signed/untrusted-sigstore"), "signed/untrusted-sigstore", stranger.keyless(RELEASE));
    OciImage original = push(pusher, "signed/replaced");
    OciArtifact originalSignature = sign(original, "signed/replaced", Signer.withKey(releaseKey));
    OciImage replacement = OciImage.write(shared.resolve("replacement"), "v1", "swapped in after signing\n");
    pusher.push(replacement, registry.authority(), "signed/replaced", "v1");
    put("signed/replaced", new OciArtifact(CosignTags.signatureTag(replacement.manifest()),
        originalSignature.mediaType(), originalSignature.manifest(), originalSignature.blobs()));
    OciArtifact forged = sign(push(pusher, "signed/forged-payload"), "signed/forged-payload",
        Signer.withKey(releaseKey));
    Files.writeString(registry.blobFile(payloadDigest(forged)), "{\"critical\":{\"type\":\"forged\"}}");
    push(pusher, "tollgate/unruled");

    gateway = OciGateway.startWithSignatures(shared.resolve("gateway"), registry,
        OCI_POLICY.formatted(registry.authority()),
        SIGNATURE_POLICY.formatted(registry.authority(), indented(FakeKeys.publicKeyPem(releaseKey.getPublic())),
            FakeSigstore.ISSUER, RELEASE),
        sigstore.trustedRootJson());
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

  /** Pushes an image of its own (so no blob is shared with another repository) as {@code repository:v1}. */
  private static OciImage push(Skopeo pusher, String repository) throws Exception {
    OciImage image = OciImage.write(shared.resolve(repository), "v1", "image " + repository + "\n");
    pusher.push(image, registry.authority(), repository, "v1");
    return image;
  }

  /** Pushes what {@code cosign sign} would: the {@code sha256-<hex>.sig} manifest, its config and payload. */
  private static OciArtifact sign(OciImage image, String repository, Signer signer) throws Exception {
    OciArtifact signature = sigstore.cosignSignature(registry.authority() + "/" + repository, image.manifest(), signer);
    put(repository, signature);
    return signature;
  }

  /**
   * Pushes what {@code cosign sign} v3 would on a registry without the referrers API: the bundle
   * referrer by digest, and the referrers tag-schema index {@code sha256-<hex>} that lists it.
   */
  private static OciArtifact attachBundle(OciImage image, String repository, Signer signer) throws Exception {
    OciArtifact referrer = FakeSigstore.bundleReferrer(image.manifest(), OciImage.MANIFEST_TYPE, image.manifestSize(),
        sigstore.imageBundle(image.manifest(), signer));
    put(repository, referrer);
    registry.putManifest(repository, CosignTags.referrersTag(image.manifest()),
        "application/vnd.oci.image.index.v1+json", """
        {"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[
          {"mediaType":"%s","digest":"%s","size":%d,"artifactType":"%s"}]}""".formatted(referrer.mediaType(),
            referrer.manifestDigest(), referrer.manifest().length, SignatureManifests.BUNDLE_TYPE));
    return referrer;
  }

  private static void put(String repository, OciArtifact artifact) throws Exception {
    registry.putArtifact(repository, artifact);
  }

  private static String payloadDigest(OciArtifact signature) throws Exception {
    return JSON.readTree(signature.manifest()).path("layers").path(0).path("digest").asText();
  }

  private static String indented(String pem) {
    return pem.strip().lines().map(line -> "            " + line).collect(Collectors.joining("\n"));
  }

  private ClientRegistries mirror() throws Exception {
    return ClientRegistries.mirroredAt(dir.resolve("conf"), gateway.authority());
  }

  /** Pulls {@code repository:v1} of the mirrored registry name with {@code client} (skopeo or podman). */
  private Command.Result pull(String client, String repository) throws Exception {
    return client.equals("podman")
        ? new Podman(tools, dir.resolve("podman"), mirror()).pull(repository, "v1")
        : new Skopeo(tools, dir.resolve("skopeo"), mirror()).pull(repository, "v1", dir.resolve("pulled"));
  }

  static Stream<Arguments> signedImages() {
    return clients(Stream.of(
        Arguments.of("signed/keyed", "release-key"),
        Arguments.of("signed/keyless", "release-workflow"),
        Arguments.of("signed/bundled", "release-workflow")));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("signedImages")
  void anImageSignedByAnAuthorityThePolicyTrustsIsPulled(String client, String repository, String signer)
      throws Exception {
    Command.Result pulled = pull(client, repository);

    assertEquals(0, pulled.exitCode(), pulled.describe() + "\n--- audit ---\n" + gateway.audit().text());
    JsonNode line = gateway.audit().await("/" + repository + "/manifests/v1", 200);
    JsonNode signed = reason(line, "signature-verified");
    assertEquals(signer, signed.path("details").path("signedBy").asText(), line.toString());
    assertAll(gateway.audit().entriesFor("/" + repository + "/manifests/v1").stream()
        .filter(entry -> entry.path("status").asInt() == 200)
        .map(entry -> () -> reason(entry, "signature-verified")));
  }

  static Stream<Arguments> refusedImages() {
    return clients(Stream.of(
        Arguments.of("signed/unsigned", "no-signature", "no signature found for"),
        Arguments.of("signed/wrong-identity", "wrong-identity", FORK),
        Arguments.of("signed/wrong-key", "wrong-key",
            "does not verify over the payload with the key of authority 'release-key'"),
        Arguments.of("signed/untrusted-sigstore", "bad-certificate-chain", "does not chain to a trusted Fulcio CA"),
        Arguments.of("signed/replaced", "payload-digest-mismatch", "not the pulled manifest"),
        Arguments.of("signed/forged-payload", "no-signature", "does not match its digest (tampered or corrupted)")));
  }

  /** Each case once per client. */
  private static Stream<Arguments> clients(Stream<Arguments> cases) {
    List<Arguments> all = cases.toList();
    return Stream.of("skopeo", "podman").flatMap(client -> all.stream().map(c -> {
      List<Object> values = new ArrayList<>(List.of(client));
      values.addAll(List.of(c.get()));
      return Arguments.of(values.toArray());
    }));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("refusedImages")
  void anImageWhoseSignaturesDoNotMeetThePolicyIsDeniedWithTheReasonInTheClientsOutput(String client,
      String repository, String failure, String why) throws Exception {
    Command.Result pulled = pull(client, repository);

    assertNotEquals(0, pulled.exitCode(), pulled.describe());
    assertTrue(pulled.output().contains("denied: Blocked by policy"), pulled.describe());
    assertTrue(pulled.output().contains(why), pulled.describe());
    JsonNode line = refusalSeenBy(pulled, repository);
    JsonNode refused = reason(line, "signature-refused");
    assertAll(
        () -> assertTrue(refused.path("details").path("failures").asText().contains(failure), line.toString()),
        () -> assertTrue(refused.path("message").asText().contains(why), line.toString()),
        () -> assertTrue(refused.path("message").asText().contains("signatures.yaml:"), line.toString()));
  }

  @Test
  void anImageNoSignatureRuleCoversIsRefusedWhenThePolicySaysUnmatchedDeny() throws Exception {
    Skopeo skopeo = new Skopeo(tools, dir.resolve("skopeo"), mirror());

    Command.Result pulled = skopeo.pull("tollgate/unruled", "v1", dir.resolve("pulled"));

    assertNotEquals(0, pulled.exitCode(), pulled.describe());
    assertTrue(pulled.output().contains("no rule of the signature policy covers"), pulled.describe());
    reason(refusalSeenBy(pulled, "tollgate/unruled"), "no-signature-rule");
  }

  @Test
  void signaturesStayFetchableForClientsThatVerifyThemselves() throws Exception {
    Map<String, String> manifestAccept = Map.of("Accept", OciImage.MANIFEST_TYPE);
    String sigTag = CosignTags.signatureTag(keyed.manifest());

    HttpResponse<String> sig = gateway.send("GET", "signed/keyed/manifests/" + sigTag, manifestAccept);
    HttpResponse<String> payload = gateway.send("GET", "signed/keyed/blobs/" + payloadDigest(keyedSignature), Map.of());
    HttpResponse<String> referrers = gateway.send("GET", "signed/bundled/referrers/" + bundled.manifest(), Map.of());
    HttpResponse<String> referrer = gateway.send("GET", "signed/bundled/manifests/" + bundleReferrer.manifestDigest(),
        manifestAccept);
    String bundleDigest = JSON.readTree(referrer.body()).path("layers").path(0).path("digest").asText();
    HttpResponse<String> bundle = gateway.send("GET", "signed/bundled/blobs/" + bundleDigest, Map.of());

    assertAll(
        () -> assertEquals(200, sig.statusCode(), sig.body()),
        () -> assertEquals(new String(keyedSignature.manifest(), StandardCharsets.UTF_8), sig.body()),
        () -> assertEquals(200, payload.statusCode(), payload.body()),
        () -> assertEquals(200, referrers.statusCode(), referrers.body()),
        () -> assertEquals(bundleReferrer.manifestDigest(),
            JSON.readTree(referrers.body()).path("manifests").path(0).path("digest").asText(), referrers.body()),
        () -> assertEquals(200, referrer.statusCode(), referrer.body()),
        () -> assertEquals(200, bundle.statusCode(), bundle.body()));
  }

  /** The audit line of the manifest refusal whose ref the client printed. */
  private static JsonNode refusalSeenBy(Command.Result pulled, String repository) throws InterruptedException {
    return gateway.audit().refusalPrintedIn(pulled.output(), "/" + repository + "/manifests/v1");
  }

  private static JsonNode reason(JsonNode line, String rule) {
    return OciAuditTrail.reason(line, rule);
  }
}
