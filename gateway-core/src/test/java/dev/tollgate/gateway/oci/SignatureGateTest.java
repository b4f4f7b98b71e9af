package dev.tollgate.gateway.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.adapter.oci.Digest;
import dev.tollgate.adapter.oci.DigestAlgorithm;
import dev.tollgate.adapter.oci.ManifestParser;
import dev.tollgate.adapter.oci.ParsedManifest;
import dev.tollgate.adapter.oci.RoutedRepository;
import dev.tollgate.adapter.sigstore.ImageSignatureVerifier;
import dev.tollgate.adapter.sigstore.SignatureCandidate;
import dev.tollgate.adapter.sigstore.SignatureLayer;
import dev.tollgate.adapter.sigstore.SignatureManifests;
import dev.tollgate.adapter.sigstore.TrustRoot;
import dev.tollgate.adapter.sigstore.testing.FakeKeys;
import dev.tollgate.adapter.sigstore.testing.FakeSigstore;
import dev.tollgate.adapter.sigstore.testing.OciArtifact;
import dev.tollgate.adapter.sigstore.testing.Signer;
import dev.tollgate.gateway.upstream.UpstreamException;
import dev.tollgate.policy.coordinates.ImageCoordinates;
import dev.tollgate.policy.decision.Decision;
import dev.tollgate.policy.decision.Reason;
import dev.tollgate.policy.decision.Rule;
import dev.tollgate.policy.decision.Verdict;
import dev.tollgate.policy.signature.ImageGlob;
import dev.tollgate.policy.signature.ImageSignatureRule;
import dev.tollgate.policy.signature.KeylessIdentity;
import dev.tollgate.policy.signature.SignatureAuthority;
import dev.tollgate.policy.signature.SignaturePolicy;
import dev.tollgate.policy.signature.TextMatch;
import dev.tollgate.policy.signature.TrustedKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SignatureGateTest {

  private static final RoutedRepository APP = new RoutedRepository("registry.tollgate.test", "team/app", "team/app");
  private static final RoutedRepository TOOLS = new RoutedRepository("registry.tollgate.test", "tools/x", "tools/x");
  private static final String RELEASE = "https://ci.tollgate.test/team/app/release@refs/heads/main";
  private static final byte[] MANIFEST = manifest("application/vnd.oci.image.layer.v1.tar+gzip");
  private static final String DIGEST = Digest.compute(DigestAlgorithm.SHA256, MANIFEST).text();
  private static final Decision ALLOWED = new Decision(ImageCoordinates.byTag(APP.upstream(), APP.repository(), "v1")
      .asPackage(), Verdict.ALLOW, List.of(Reason.of(Rule.ALLOW_LIST, "team/app is on the allow-list")));

  private static FakeSigstore sigstore;
  private static FakeSigstore stranger;
  private static ImageSignatureVerifier verifier;
  private static KeyPair releaseKey;
  private static ExecutorService workers;

  private final AtomicLong nanos = new AtomicLong();
  private final AtomicInteger lookups = new AtomicInteger();

  @BeforeAll
  static void trust(@TempDir Path dir) throws Exception {
    sigstore = FakeSigstore.create("trusted");
    stranger = FakeSigstore.create("stranger");
    verifier = new ImageSignatureVerifier(TrustRoot.load(List.of(sigstore.writeTrustedRoot(dir.resolve("root.json")))));
    releaseKey = FakeKeys.ec("secp256r1");
    workers = Executors.newFixedThreadPool(2);
  }

  @AfterAll
  static void stop() throws InterruptedException {
    workers.shutdown();
    assertTrue(workers.awaitTermination(10, TimeUnit.SECONDS));
  }

  private static byte[] manifest(String layerType) {
    return ("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"config\":"
        + "{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\"" + digestOf("config")
        + "\",\"size\":6},\"layers\":[{\"mediaType\":\"" + layerType + "\",\"digest\":\"" + digestOf("layer")
        + "\",\"size\":5}]}").getBytes(StandardCharsets.UTF_8);
  }

  private static String digestOf(String text) {
    return Digest.compute(DigestAlgorithm.SHA256, text.getBytes(StandardCharsets.UTF_8)).text();
  }

  private static ParsedManifest parsed(byte[] bytes) throws Exception {
    return ManifestParser.parse(bytes, Optional.of("application/vnd.oci.image.manifest.v1+json"));
  }

  private static SignatureAuthority keyAuthority() {
    return new SignatureAuthority.Key("release-key", TrustedKey.parse(FakeKeys.publicKeyPem(releaseKey.getPublic())));
  }

  private static SignatureAuthority keylessAuthority() {
    return new SignatureAuthority.Keyless("release-workflow", List.of(
        new KeylessIdentity(TextMatch.exact(FakeSigstore.ISSUER), TextMatch.exact(RELEASE))));
  }

  private static SignaturePolicy policy(int threshold, SignatureAuthority... authorities) {
    return new SignaturePolicy(List.of(new ImageSignatureRule(ImageGlob.parse("registry.tollgate.test/team/*"),
        List.of(authorities), threshold, "signatures.yaml:3")), SignaturePolicy.Unmatched.DENY);
  }

  /** What the upstream lookup yields for a cosign tag-scheme signature: one candidate per layer. */
  private static List<SignatureCandidate> cosign(String digest, Signer signer) {
    OciArtifact signature = sigstore.cosignSignature(APP.imageName(), digest, signer);
    List<SignatureCandidate> candidates = new ArrayList<>();
    for (SignatureLayer layer : SignatureManifests.cosignLayers(signature.manifest())) {
      candidates.add(layer.toCandidate(signature.blobs().get(layer.digest())));
    }
    return candidates;
  }

  private SignatureGate gate(SignaturePolicy policy, SignatureEvidence evidence) {
    return gate(policy, (repository, digest) -> CompletableFuture.completedFuture(evidence));
  }

  private SignatureGate gate(SignaturePolicy policy, SignatureSource source) {
    return new SignatureGate(() -> policy, (repository, digest) -> {
      lookups.incrementAndGet();
      return source.find(repository, digest);
    }, verifier, workers, nanos::get);
  }

  private static Decision decide(SignatureGate gate, RoutedRepository repository, byte[] manifest) throws Exception {
    return gate.check(repository, parsed(manifest), manifest, ALLOWED).get(10, TimeUnit.SECONDS);
  }

  @Test
  void aKeySignedImageWhoseKeyThePolicyPinsPassesWithTheSignerInItsReasons() throws Exception {
    SignatureGate gate = gate(policy(1, keyAuthority()),
        new SignatureEvidence(cosign(DIGEST, Signer.withKey(releaseKey)), List.of()));

    Decision decision = decide(gate, APP, MANIFEST);

    assertEquals(Verdict.ALLOW, decision.verdict(), decision.summary());
    Reason signed = decision.reasons().get(decision.reasons().size() - 1);
    assertEquals(Rule.SIGNATURE_VERIFIED, signed.rule());
    assertEquals("release-key", signed.details().get("signedBy"));
    assertEquals(DIGEST, signed.details().get("digest"));
    assertEquals(Rule.ALLOW_LIST, decision.reasons().get(0).rule(), "the name's reasons stay");
  }

  @Test
  void aKeylessSignatureFromTheTrustedIdentityPasses() throws Exception {
    SignatureGate gate = gate(policy(1, keylessAuthority()),
        new SignatureEvidence(cosign(DIGEST, sigstore.keyless(RELEASE)), List.of()));

    assertTrue(decide(gate, APP, MANIFEST).permits());
  }

  static Stream<Arguments> refusals() {
    Function<String, SignatureEvidence> none = digest -> SignatureEvidence.NONE;
    return Stream.of(
        Arguments.of("unsigned", none, "no-signature", "no signature found for " + DIGEST),
        Arguments.of("wrong identity", (Function<String, SignatureEvidence>) digest -> new SignatureEvidence(
            cosign(digest, sigstore.keyless("https://ci.tollgate.test/fork/app/release@refs/heads/main")), List.of()),
            "wrong-identity", "fork/app"),
        Arguments.of("wrong key", (Function<String, SignatureEvidence>) digest -> new SignatureEvidence(
            cosign(digest, Signer.withKey(FakeKeys.ec("secp256r1"))), List.of()), "wrong-key", "release-key"),
        Arguments.of("signature of another manifest", (Function<String, SignatureEvidence>) digest ->
            new SignatureEvidence(cosign(digestOf("another manifest"), Signer.withKey(releaseKey)), List.of()),
            "payload-digest-mismatch", "not the pulled manifest " + DIGEST),
        Arguments.of("untrusted Sigstore", (Function<String, SignatureEvidence>) digest -> {
          OciArtifact signature = stranger.cosignSignature(APP.imageName(), digest, stranger.keyless(RELEASE));
          SignatureLayer layer = SignatureManifests.cosignLayers(signature.manifest()).get(0);
          return SignatureEvidence.of(layer.toCandidate(signature.blobs().get(layer.digest())));
        }, "bad-certificate-chain", "does not chain"),
        Arguments.of("tampered signature layer", (Function<String, SignatureEvidence>) digest -> SignatureEvidence.problem(
            "signature layer sha256:ab of sha256-cd.sig does not match its digest (tampered or corrupted)"),
            "no-signature", "does not match its digest"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusals")
  void aRefusalSaysWhatFailed(String name, Function<String, SignatureEvidence> evidence, String failure,
      String detail) throws Exception {
    SignatureGate gate = gate(policy(1, name.equals("wrong identity") || name.equals("untrusted Sigstore")
        ? keylessAuthority() : keyAuthority()), evidence.apply(DIGEST));

    Decision decision = decide(gate, APP, MANIFEST);

    assertEquals(Verdict.DENY, decision.verdict());
    Reason reason = decision.reasons().get(0);
    assertEquals(Rule.SIGNATURE_REFUSED, reason.rule());
    assertTrue(reason.details().get("failures").contains(failure), reason.details().toString());
    assertTrue(reason.message().contains(detail), reason.message());
    assertTrue(reason.message().contains("signatures.yaml:3"), reason.message());
  }

  @Test
  void aThresholdOfTwoIsNotMetByOneSigner() throws Exception {
    SignatureGate gate = gate(policy(2, keyAuthority(), keylessAuthority()),
        new SignatureEvidence(cosign(DIGEST, Signer.withKey(releaseKey)), List.of()));

    Decision decision = decide(gate, APP, MANIFEST);

    assertFalse(decision.permits());
    assertTrue(decision.summary().contains("1 of the 2 required authorities signed (release-key)"), decision.summary());
  }

  @Test
  void imagesNoRuleCoversFollowTheUnmatchedSetting() throws Exception {
    SignaturePolicy denying = policy(1, keyAuthority());
    SignaturePolicy allowing = new SignaturePolicy(denying.rules(), SignaturePolicy.Unmatched.ALLOW);

    Decision refused = decide(gate(denying, SignatureEvidence.NONE), TOOLS, MANIFEST);
    Decision served = decide(gate(allowing, SignatureEvidence.NONE), TOOLS, MANIFEST);

    assertEquals(Rule.NO_SIGNATURE_RULE, refused.reasons().get(0).rule());
    assertFalse(refused.permits());
    assertSame(ALLOWED, served);
    assertEquals(0, lookups.get(), "no signature is looked up for an image no rule covers");
  }

  @Test
  void manifestsHoldingOnlySignaturesPassUnsignedSoClientsCanVerifyThemselves() throws Exception {
    byte[] signatureManifest = manifest(SignatureManifests.COSIGN_LAYER_TYPE);

    Decision decision = decide(gate(policy(1, keyAuthority()), SignatureEvidence.NONE), APP, signatureManifest);

    assertSame(ALLOWED, decision);
    assertEquals(0, lookups.get());
  }

  @Test
  void aPassIsCachedForAnHourARefusalForThirtySeconds() throws Exception {
    List<SignatureCandidate> signed = cosign(DIGEST, Signer.withKey(releaseKey));
    SignatureGate passing = gate(policy(1, keyAuthority()), new SignatureEvidence(signed, List.of()));
    decide(passing, APP, MANIFEST);
    nanos.addAndGet(SignatureGate.REFUSED_FOR.plusSeconds(1).toNanos());
    decide(passing, APP, MANIFEST);
    assertEquals(1, lookups.get(), "a pass is remembered");
    nanos.addAndGet(SignatureGate.PASSED_FOR.toNanos());
    decide(passing, APP, MANIFEST);
    assertEquals(2, lookups.get(), "a pass is checked again after an hour");

    lookups.set(0);
    SignatureGate refusing = gate(policy(1, keyAuthority()), SignatureEvidence.NONE);
    decide(refusing, APP, MANIFEST);
    decide(refusing, APP, MANIFEST);
    assertEquals(1, lookups.get(), "a refusal is remembered briefly");
    nanos.addAndGet(SignatureGate.REFUSED_FOR.plusSeconds(1).toNanos());
    decide(refusing, APP, MANIFEST);
    assertEquals(2, lookups.get(), "a signature pushed after a refusal counts soon");
  }

  @Test
  void anUpstreamFailureFailsTheCheckAndIsNotRemembered() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    SignatureGate gate = gate(policy(1, keyAuthority()), (repository, digest) -> calls.incrementAndGet() == 1
        ? CompletableFuture.failedFuture(new UpstreamException(UpstreamException.Kind.BAD_STATUS, "answered 503"))
        : CompletableFuture.completedFuture(new SignatureEvidence(cosign(DIGEST, Signer.withKey(releaseKey)),
            List.of())));

    CompletableFuture<Decision> failed = gate.check(APP, parsed(MANIFEST), MANIFEST, ALLOWED);

    assertThrows(Exception.class, () -> failed.get(10, TimeUnit.SECONDS));
    assertTrue(decide(gate, APP, MANIFEST).permits(), "the next pull asks the upstream again");
  }
}
