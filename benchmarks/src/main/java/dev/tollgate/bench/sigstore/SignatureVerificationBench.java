package dev.tollgate.bench.sigstore;

import dev.tollgate.adapter.sigstore.ImageSignatureVerifier;
import dev.tollgate.adapter.sigstore.SignatureCandidate;
import dev.tollgate.adapter.sigstore.SignatureLayer;
import dev.tollgate.adapter.sigstore.SignatureManifests;
import dev.tollgate.adapter.sigstore.SignatureVerdict;
import dev.tollgate.adapter.sigstore.TrustRoot;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The CPU one image signature check costs on a worker thread (the reason verification runs off the
 * event loop, and results are cached by digest): keyless and key-based, in cosign's tag scheme and
 * as a v3 bundle, minted offline by FakeSigstore.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SignatureVerificationBench {

  private static final String DIGEST = "sha256:" + "ab".repeat(32);
  private static final String SUBJECT = "https://ci.tollgate.test/acme/app/release@refs/heads/main";

  private ImageSignatureVerifier verifier;
  private ImageSignatureRule keylessRule;
  private ImageSignatureRule keyRule;
  private List<SignatureCandidate> keylessTagScheme;
  private List<SignatureCandidate> keylessBundle;
  private List<SignatureCandidate> keyTagScheme;

  @Setup
  public void setUp() throws Exception {
    FakeSigstore sigstore = FakeSigstore.create("bench");
    Path root = Files.createTempFile("trusted_root", ".json");
    verifier = new ImageSignatureVerifier(TrustRoot.load(List.of(sigstore.writeTrustedRoot(root))));
    Files.delete(root);
    ImageGlob all = ImageGlob.parse("**/**");
    keylessRule = new ImageSignatureRule(all, List.of(new SignatureAuthority.Keyless("ci", List.of(
        new KeylessIdentity(TextMatch.exact(FakeSigstore.ISSUER), TextMatch.exact(SUBJECT))))), 1, "bench");
    KeyPair keys = FakeKeys.ec("secp256r1");
    keyRule = new ImageSignatureRule(all, List.of(new SignatureAuthority.Key("release",
        TrustedKey.parse(FakeKeys.publicKeyPem(keys.getPublic())))), 1, "bench");
    Signer keyless = sigstore.keyless(SUBJECT);
    keylessTagScheme = candidates(sigstore.cosignSignature("acme/app", DIGEST, keyless));
    keyTagScheme = candidates(sigstore.cosignSignature("acme/app", DIGEST, Signer.withKey(keys)));
    keylessBundle = List.of(SignatureCandidate.bundle("bundle", sigstore.imageBundle(DIGEST, keyless)));
    for (SignatureVerdict verdict : List.of(keylessTagScheme(), keylessBundle(), keyTagScheme())) {
      if (!verdict.verified()) {
        throw new IllegalStateException("the benchmark's signatures must verify: " + verdict.summary());
      }
    }
  }

  private static List<SignatureCandidate> candidates(OciArtifact signature) {
    SignatureLayer layer = SignatureManifests.cosignLayers(signature.manifest()).get(0);
    return List.of(layer.toCandidate(signature.blobs().get(layer.digest())));
  }

  @Benchmark
  public SignatureVerdict keylessTagScheme() {
    return verifier.verify(DIGEST, keylessTagScheme, keylessRule);
  }

  @Benchmark
  public SignatureVerdict keylessBundle() {
    return verifier.verify(DIGEST, keylessBundle, keylessRule);
  }

  @Benchmark
  public SignatureVerdict keyTagScheme() {
    return verifier.verify(DIGEST, keyTagScheme, keyRule);
  }
}
