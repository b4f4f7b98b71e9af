package dev.tollgate.adapter.sigstore.testing;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;

/**
 * Who signs in a test: a key pair, with the Fulcio certificate for it when signing keylessly
 * ({@code null} for cosign {@code --key} signing), and the time the log records the signature.
 */
public record Signer(KeyPair keys, X509Certificate certificate, Instant signedAt) {

  /** A key-based signer (cosign {@code --key}), logged now. */
  public static Signer withKey(KeyPair keys) {
    return new Signer(keys, null, Instant.now());
  }

  /** The same signer, logged at another time (e.g. after its certificate expired). */
  public Signer loggedAt(Instant time) {
    return new Signer(keys, certificate, time);
  }

  /** The PEM of what verifies the signature: the certificate, or the public key. */
  String verifierPem() {
    try {
      return certificate == null
          ? FakeKeys.publicKeyPem(keys.getPublic())
          : FakeKeys.pem("CERTIFICATE", certificate.getEncoded());
    } catch (java.security.cert.CertificateEncodingException e) {
      throw new IllegalStateException(e);
    }
  }
}
