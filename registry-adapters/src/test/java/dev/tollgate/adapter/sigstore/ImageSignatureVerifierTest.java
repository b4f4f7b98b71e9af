package dev.tollgate.adapter.sigstore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.adapter.sigstore.SignatureFailure.Kind;
import dev.tollgate.adapter.sigstore.testing.FakeKeys;
import dev.tollgate.adapter.sigstore.testing.FakeSigstore;
import dev.tollgate.adapter.sigstore.testing.OciArtifact;
import dev.tollgate.adapter.sigstore.testing.Signer;
import dev.tollgate.policy.signature.ImageGlob;
import dev.tollgate.policy.signature.ImageSignatureRule;
import dev.tollgate.policy.signature.KeylessIdentity;
import dev.tollgate.policy.signature.SignatureAuthority;
import dev.tollgate.policy.signature.TextMatch;
import dev.tollgate.policy.signature.TrustedKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageSignatureVerifierTest {

  private static final String IMAGE = "registry.tollgate.test/team/app";
  private static final String DIGEST = OciDigests.of("the image manifest");
  private static final String OTHER_DIGEST = OciDigests.of("another image manifest");
  private static final String RELEASE = "https://ci.tollgate.test/team/app/release@refs/heads/main";

  private static FakeSigstore sigstore;
  private static FakeSigstore stranger;
  private static ImageSignatureVerifier verifier;
  private static KeyPair releaseKey;
  private static ExecutorService workers;

  @BeforeAll
  static void trust(@TempDir Path dir) throws Exception {
    sigstore = FakeSigstore.create("trusted");
    stranger = FakeSigstore.create("stranger");
    verifier = new ImageSignatureVerifier(TrustRoot.load(List.of(sigstore.writeTrustedRoot(dir.resolve("root.json")))));
    releaseKey = FakeKeys.ec("secp256r1");
    workers = Executors.newFixedThreadPool(1);
  }

  @AfterAll
  static void stop() throws InterruptedException {
    workers.shutdown();
    assertTrue(workers.awaitTermination(10, TimeUnit.SECONDS));
  }

  private static ImageSignatureRule keylessRule() {
    return rule(1, keyless("ci", RELEASE));
  }

  private static SignatureAuthority keyless(String name, String subject) {
    return new SignatureAuthority.Keyless(name, List.of(
        new KeylessIdentity(TextMatch.exact(FakeSigstore.ISSUER), TextMatch.exact(subject))));
  }

  private static SignatureAuthority key(String name, KeyPair keys) {
    return new SignatureAuthority.Key(name, TrustedKey.parse(FakeKeys.publicKeyPem(keys.getPublic())));
  }

  private static ImageSignatureRule rule(int threshold, SignatureAuthority... authorities) {
    return new ImageSignatureRule(ImageGlob.parse("registry.tollgate.test/**"), List.of(authorities), threshold, "test");
  }

  /** The candidates a route would build after fetching the .sig manifest and its layers. */
  private static List<SignatureCandidate> fromSigManifest(OciArtifact signature) {
    List<SignatureCandidate> candidates = new ArrayList<>();
    for (SignatureLayer layer : SignatureManifests.cosignLayers(signature.manifest())) {
      candidates.add(layer.toCandidate(signature.blobs().get(layer.digest())));
    }
    return candidates;
  }

  /** The candidates a route would build from a bundle referrer of {@code imageDigest}. */
  private static List<SignatureCandidate> fromReferrer(OciArtifact referrer, String imageDigest) {
    List<SignatureCandidate> candidates = new ArrayList<>();
    for (SignatureLayer layer : SignatureManifests.bundleLayers(referrer.manifest(), imageDigest)) {
      candidates.add(layer.toCandidate(referrer.blobs().get(layer.digest())));
    }
    return candidates;
  }

  private static List<SignatureCandidate> referrerCandidates(byte[] bundle) {
    return fromReferrer(FakeSigstore.bundleReferrer(DIGEST, "application/vnd.oci.image.manifest.v1+json", 100, bundle),
        DIGEST);
  }

  private static void assertRefused(SignatureVerdict verdict, Kind kind, String detailPart) {
    assertFalse(verdict.verified(), verdict.summary());
    assertTrue(verdict.failures().stream().anyMatch(f -> f.kind() == kind && f.detail().contains(detailPart)),
        "expected " + kind + " mentioning '" + detailPart + "' in: " + verdict.summary());
  }

  @Test
  void keylessTagSchemeSignatureFromTheTrustedIdentityVerifies() {
    OciArtifact signature = sigstore.cosignSignature(IMAGE, DIGEST, sigstore.keyless(RELEASE));
    assertEquals(DIGEST.replace(':', '-') + ".sig", signature.tag());
    assertEquals(CosignTags.signatureTag(DIGEST), signature.tag());
    SignatureVerdict verdict = verifier.verify(DIGEST, fromSigManifest(signature), keylessRule());
    assertTrue(verdict.verified(), verdict.summary());
    assertEquals(List.of("ci"), verdict.satisfied());
  }

  @Test
  void keylessBundleReferrerFromTheTrustedIdentityVerifies() {
    SignatureVerdict verdict = verifier.verify(DIGEST,
        referrerCandidates(sigstore.imageBundle(DIGEST, sigstore.keyless(RELEASE))), keylessRule());
    assertTrue(verdict.verified(), verdict.summary());
  }

  @Test
  void keyBasedSignaturesVerifyInBothFormats() {
    ImageSignatureRule rule = rule(1, key("release-key", releaseKey));
    Signer signer = Signer.withKey(releaseKey);
    assertTrue(verifier.verify(DIGEST, fromSigManifest(sigstore.cosignSignature(IMAGE, DIGEST, signer)), rule).verified());
    SignatureVerdict bundle = verifier.verify(DIGEST, referrerCandidates(sigstore.imageBundle(DIGEST, signer)), rule);
    assertTrue(bundle.verified(), bundle.summary());
  }

  @Test
  void keyBasedSignaturesWithEd25519AndRsaKeysVerify() {
    for (KeyPair keys : List.of(FakeKeys.of("Ed25519"), FakeKeys.of("RSA"))) {
      SignatureVerdict verdict = verifier.verify(DIGEST,
          fromSigManifest(sigstore.cosignSignature(IMAGE, DIGEST, Signer.withKey(keys))), rule(1, key("k", keys)));
      assertTrue(verdict.verified(), keys.getPublic().getAlgorithm() + ": " + verdict.summary());
    }
  }

  @Test
  void anUnsignedImageIsRefused() {
    assertRefused(verifier.verify(DIGEST, List.of(), keylessRule()), Kind.NO_SIGNATURE, DIGEST);
  }

  @Test
  void aSignatureFromAnotherIdentityIsRefused() {
    String intruder = "https://ci.tollgate.test/someone/else@refs/heads/main";
    assertRefused(verifier.verify(DIGEST, fromSigManifest(sigstore.cosignSignature(IMAGE, DIGEST,
        sigstore.keyless(intruder))), keylessRule()), Kind.WRONG_IDENTITY, intruder);
    assertRefused(verifier.verify(DIGEST, referrerCandidates(sigstore.imageBundle(DIGEST,
        sigstore.keyless("https://other-issuer.tollgate.test", RELEASE))), keylessRule()),
        Kind.WRONG_IDENTITY, "https://other-issuer.tollgate.test");
  }

  @Test
  void aSignatureByAnotherKeyIsRefused() {
    Signer other = Signer.withKey(FakeKeys.ec("secp256r1"));
    ImageSignatureRule rule = rule(1, key("release-key", releaseKey));
    assertRefused(verifier.verify(DIGEST, fromSigManifest(sigstore.cosignSignature(IMAGE, DIGEST, other)), rule),
        Kind.WRONG_KEY, "release-key");
    assertRefused(verifier.verify(DIGEST, referrerCandidates(sigstore.imageBundle(DIGEST, other)), rule),
        Kind.WRONG_KEY, "");
  }

  @Test
  void aSignatureOverAnotherDigestIsRefused() {
    Signer signer = sigstore.keyless(RELEASE);
    assertRefused(verifier.verify(DIGEST, fromSigManifest(sigstore.cosignSignature(IMAGE, OTHER_DIGEST, signer)),
        keylessRule()), Kind.PAYLOAD_DIGEST_MISMATCH, OTHER_DIGEST);
    assertRefused(verifier.verify(DIGEST, referrerCandidates(sigstore.imageBundle(OTHER_DIGEST, signer)),
        keylessRule()), Kind.PAYLOAD_DIGEST_MISMATCH, DIGEST);
  }

  @Test
  void aReferrerOfAnotherImageYieldsNoCandidate() {
    OciArtifact referrer = FakeSigstore.bundleReferrer(OTHER_DIGEST, "application/vnd.oci.image.manifest.v1+json", 1,
        sigstore.imageBundle(DIGEST, sigstore.keyless(RELEASE)));
    assertTrue(fromReferrer(referrer, DIGEST).isEmpty());
  }

  @Test
  void aCertificateFromAnUntrustedCaIsRefused() {
    Signer outsider = stranger.keyless(RELEASE);
    assertRefused(verifier.verify(DIGEST, fromSigManifest(sigstore.cosignSignature(IMAGE, DIGEST, outsider)),
        keylessRule()), Kind.BAD_CERTIFICATE_CHAIN, "Fulcio");
    assertRefused(verifier.verify(DIGEST, referrerCandidates(sigstore.imageBundle(DIGEST, outsider)), keylessRule()),
        Kind.BAD_CERTIFICATE_CHAIN, "Fulcio");
  }

  @Test
  void aSignatureLoggedAfterItsCertificateExpiredIsRefused() {
    Signer late = sigstore.keyless(RELEASE);
    late = late.loggedAt(late.certificate().getNotAfter().toInstant().plus(1, ChronoUnit.HOURS));
    assertRefused(verifier.verify(DIGEST, fromSigManifest(sigstore.cosignSignature(IMAGE, DIGEST, late)),
        keylessRule()), Kind.TIME_INVALID, "outside the certificate's validity");
    assertRefused(verifier.verify(DIGEST, referrerCandidates(sigstore.imageBundle(DIGEST, late)), keylessRule()),
        Kind.TIME_INVALID, "outside the certificate's validity");
  }

  @Test
  void aSignatureLoggedInAnUntrustedLogIsRefused() {
    Signer signer = sigstore.keyless(RELEASE);
    OciArtifact real = sigstore.cosignSignature(IMAGE, DIGEST, signer);
    OciArtifact rogue = stranger.cosignSignature(IMAGE, DIGEST, signer);
    SignatureLayer realLayer = SignatureManifests.cosignLayers(real.manifest()).get(0);
    SignatureLayer rogueLayer = SignatureManifests.cosignLayers(rogue.manifest()).get(0);
    java.util.Map<String, String> annotations = new java.util.HashMap<>(realLayer.annotations());
    annotations.put(CosignAnnotations.BUNDLE, rogueLayer.annotations().get(CosignAnnotations.BUNDLE));
    annotations.put(CosignAnnotations.SIGNATURE, rogueLayer.annotations().get(CosignAnnotations.SIGNATURE));
    SignatureCandidate candidate = SignatureCandidate.cosignLayer("rogue", rogue.blobs().get(rogueLayer.digest()),
        annotations);
    assertRefused(verifier.verify(DIGEST, List.of(candidate), keylessRule()), Kind.TLOG_INVALID, "log");
    assertRefused(verifier.verify(DIGEST, referrerCandidates(stranger.imageBundle(DIGEST, signer)), keylessRule()),
        Kind.TLOG_INVALID, "");
  }

  @Test
  void aTamperedPayloadIsRefused() {
    OciArtifact signature = sigstore.cosignSignature(IMAGE, DIGEST, sigstore.keyless(RELEASE));
    SignatureLayer layer = SignatureManifests.cosignLayers(signature.manifest()).get(0);
    byte[] payload = new String(signature.blobs().get(layer.digest()), StandardCharsets.UTF_8)
        .replace("\"optional\":null", "\"optional\":{\"tampered\":\"yes\"}").getBytes(StandardCharsets.UTF_8);
    assertRefused(verifier.verify(DIGEST, List.of(layer.toCandidate(payload)), keylessRule()), Kind.BAD_SIGNATURE,
        "does not verify");
  }

  @Test
  void aThresholdNeedsThatManyDistinctAuthorities() {
    ImageSignatureRule twoOfTwo = rule(2, keyless("ci", RELEASE), key("release-key", releaseKey));
    List<SignatureCandidate> onlyCi = fromSigManifest(sigstore.cosignSignature(IMAGE, DIGEST, sigstore.keyless(RELEASE)));
    SignatureVerdict one = verifier.verify(DIGEST, onlyCi, twoOfTwo);
    assertRefused(one, Kind.NO_SIGNATURE, "1 of the 2 required authorities signed (ci)");
    List<SignatureCandidate> both = new ArrayList<>(onlyCi);
    both.addAll(referrerCandidates(sigstore.imageBundle(DIGEST, Signer.withKey(releaseKey))));
    Collections.reverse(both);
    SignatureVerdict two = verifier.verify(DIGEST, both, twoOfTwo);
    assertTrue(two.verified(), two.summary());
    assertEquals(List.of("ci", "release-key"), two.satisfied());
  }

  @Test
  void verificationRunsOnTheGivenExecutor() throws Exception {
    List<SignatureCandidate> candidates = fromSigManifest(sigstore.cosignSignature(IMAGE, DIGEST, sigstore.keyless(RELEASE)));
    Thread caller = Thread.currentThread();
    SignatureVerdict verdict = verifier.verifyAsync(DIGEST, candidates, keylessRule(), command -> workers.execute(() -> {
      assertFalse(Thread.currentThread() == caller);
      command.run();
    })).get(30, TimeUnit.SECONDS);
    assertTrue(verdict.verified(), verdict.summary());
  }

  @Test
  void oneVerifierServesManyWorkersAtOnce() throws Exception {
    List<SignatureCandidate> good = fromSigManifest(sigstore.cosignSignature(IMAGE, DIGEST, sigstore.keyless(RELEASE)));
    List<SignatureCandidate> intruder = fromSigManifest(sigstore.cosignSignature(IMAGE, DIGEST,
        sigstore.keyless("https://ci.tollgate.test/intruder@refs/heads/main")));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.CompletableFuture<SignatureVerdict>> verdicts = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        verdicts.add(verifier.verifyAsync(DIGEST, i % 2 == 0 ? good : intruder, keylessRule(), pool));
      }
      for (int i = 0; i < verdicts.size(); i++) {
        assertEquals(i % 2 == 0, verdicts.get(i).get(60, TimeUnit.SECONDS).verified(), "verdict " + i);
      }
    } finally {
      pool.shutdown();
      assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
    }
  }

  @Test
  void garbageCandidatesAreRefusedAsMalformed() {
    List<SignatureCandidate> garbage = List.of(
        SignatureCandidate.bundle("b", "{not json".getBytes(StandardCharsets.UTF_8)),
        SignatureCandidate.cosignLayer("c", "[]".getBytes(StandardCharsets.UTF_8), java.util.Map.of()));
    SignatureVerdict verdict = verifier.verify(DIGEST, garbage, keylessRule());
    assertFalse(verdict.verified());
    assertEquals(2, verdict.failures().stream().filter(f -> f.kind() == Kind.MALFORMED).count(), verdict.summary());
  }

  @Test
  void aTrustedRootWithoutValidityStartIsRejectedAtLoad(@TempDir Path dir) throws Exception {
    String json = new String(sigstore.trustedRootJson(), StandardCharsets.UTF_8)
        .replaceFirst("\"validFor\":\\{\"start\":\"[^\"]+\"}", "\"validFor\":{}");
    Path file = Files.writeString(dir.resolve("root.json"), json);
    TrustRootException e = org.junit.jupiter.api.Assertions.assertThrows(TrustRootException.class,
        () -> TrustRoot.load(List.of(file)));
    assertTrue(e.getMessage().contains("validFor.start is missing"), e.getMessage());
  }
}
