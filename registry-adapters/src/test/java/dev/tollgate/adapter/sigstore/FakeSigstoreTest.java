package dev.tollgate.adapter.sigstore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigstore.KeylessVerificationException;
import dev.sigstore.KeylessVerifier;
import dev.sigstore.TrustedRootProvider;
import dev.sigstore.VerificationOptions;
import dev.sigstore.bundle.Bundle;
import dev.sigstore.strings.StringMatcher;
import dev.tollgate.adapter.sigstore.testing.FakeSigstore;
import dev.tollgate.policy.signature.KeylessIdentity;
import dev.tollgate.policy.signature.SignatureAuthority;
import dev.tollgate.policy.signature.TextMatch;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fixture is only worth its tests if sigstore-java's own verifier accepts what it mints. */
class FakeSigstoreTest {

  private static final String SUBJECT = "dev@tollgate.test";

  @Test
  void sigstoreJavasKeylessVerifierAcceptsAMintedBundleAndRejectsAnotherArtifact(@TempDir Path dir) throws Exception {
    FakeSigstore sigstore = FakeSigstore.create("fixture");
    byte[] artifact = "hello".getBytes(StandardCharsets.UTF_8);
    String json = new String(sigstore.messageBundle(artifact, sigstore.keyless(SUBJECT)), StandardCharsets.UTF_8);
    KeylessVerifier keyless = KeylessVerifier.builder()
        .trustedRootProvider(TrustedRootProvider.from(sigstore.writeTrustedRoot(dir.resolve("root.json")))).build();
    VerificationOptions options = VerificationOptions.builder().addCertificateMatchers(
        VerificationOptions.CertificateMatcher.fulcio().subjectAlternativeName(StringMatcher.string(SUBJECT))
            .issuer(StringMatcher.string(FakeSigstore.ISSUER)).build()).build();
    keyless.verify(BundleVerifier.sha256(artifact), Bundle.from(new StringReader(json)), options);
    assertThrows(KeylessVerificationException.class, () -> keyless.verify(
        BundleVerifier.sha256("other".getBytes(StandardCharsets.UTF_8)), Bundle.from(new StringReader(json)), options));
  }

  @Test
  void theGatewayVerifierAgreesOnMessageBundles(@TempDir Path dir) throws Exception {
    FakeSigstore sigstore = FakeSigstore.create("fixture");
    byte[] artifact = "hello".getBytes(StandardCharsets.UTF_8);
    byte[] bundle = sigstore.messageBundle(artifact, sigstore.keyless(SUBJECT));
    BundleVerifier verifier = new BundleVerifier(TrustRoot.load(List.of(sigstore.writeTrustedRoot(dir.resolve("r.json")))));
    SignatureAuthority authority = new SignatureAuthority.Keyless("dev", List.of(
        new KeylessIdentity(TextMatch.exact(FakeSigstore.ISSUER), TextMatch.regex(".*@tollgate\\.test"))));
    ArtifactDigest digest = new ArtifactDigest("sha256", BundleVerifier.sha256(artifact));
    assertEquals(Optional.empty(), verifier.verify(bundle, digest, authority, Optional.empty()));
    Optional<SignatureFailure> other = verifier.verify(bundle,
        new ArtifactDigest("sha256", BundleVerifier.sha256("other".getBytes(StandardCharsets.UTF_8))), authority,
        Optional.empty());
    assertTrue(other.isPresent() && other.get().kind() == SignatureFailure.Kind.PAYLOAD_DIGEST_MISMATCH,
        String.valueOf(other));
  }
}
