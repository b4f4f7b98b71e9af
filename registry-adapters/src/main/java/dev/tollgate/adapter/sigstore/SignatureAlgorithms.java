package dev.tollgate.adapter.sigstore;

import dev.sigstore.encryption.signers.Verifiers;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.util.List;

/**
 * Checks a signature with whatever key signed it, the way cosign and Sigstore clients sign:
 * ECDSA over SHA-256 (P-384 keys also over SHA-384), Ed25519, RSA PKCS#1 v1.5 over SHA-256.
 */
final class SignatureAlgorithms {

  private SignatureAlgorithms() {}

  /** Whether {@code signature} is valid over {@code data}. */
  static boolean verify(PublicKey key, byte[] data, byte[] signature) {
    for (String algorithm : algorithms(key)) {
      try {
        Signature verifier = Signature.getInstance(algorithm);
        verifier.initVerify(key);
        verifier.update(data);
        if (verifier.verify(signature)) {
          return true;
        }
      } catch (GeneralSecurityException | IllegalArgumentException e) {
        // a malformed signature is simply not valid under this algorithm
      }
    }
    return false;
  }

  /** Whether {@code signature} is valid over data whose SHA-256 is {@code sha256} (message signatures). */
  static boolean verifyDigest(PublicKey key, byte[] sha256, byte[] signature) {
    try {
      return Verifiers.newVerifier(key).verifyDigest(sha256, signature);
    } catch (GeneralSecurityException | RuntimeException e) {
      return false;
    }
  }

  private static List<String> algorithms(PublicKey key) {
    if (key instanceof ECPublicKey ec) {
      return ec.getParams().getCurve().getField().getFieldSize() > 256
          ? List.of("SHA384withECDSA", "SHA256withECDSA")
          : List.of("SHA256withECDSA");
    }
    if ("RSA".equals(key.getAlgorithm())) {
      return List.of("SHA256withRSA");
    }
    return List.of("Ed25519");
  }
}
