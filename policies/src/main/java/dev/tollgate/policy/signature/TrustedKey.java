package dev.tollgate.policy.signature;

import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * A public key a policy trusts to sign images, read from the PEM that {@code cosign
 * generate-key-pair} (or any tool writing SubjectPublicKeyInfo) produces: ECDSA P-256/P-384,
 * Ed25519 or RSA. Parsing it when the policy is loaded turns a pasted-wrong key into a load error
 * instead of a refusal at pull time.
 */
public record TrustedKey(PublicKey key, String pem) {

  private static final List<String> ALGORITHMS = List.of("EC", "Ed25519", "RSA");

  /**
   * Reads one {@code -----BEGIN PUBLIC KEY-----} block.
   *
   * @throws IllegalArgumentException when the text is no such block or the key is of another kind
   */
  public static TrustedKey parse(String pem) {
    if (pem == null || !pem.contains("-----BEGIN PUBLIC KEY-----") || !pem.contains("-----END PUBLIC KEY-----")) {
      throw new IllegalArgumentException("is not a PEM public key (-----BEGIN PUBLIC KEY----- ... -----END PUBLIC KEY-----)");
    }
    String body = pem.substring(pem.indexOf("-----BEGIN PUBLIC KEY-----") + 26, pem.indexOf("-----END PUBLIC KEY-----"))
        .replaceAll("\\s", "");
    byte[] der;
    try {
      der = Base64.getDecoder().decode(body);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the PEM body is not base64");
    }
    for (String algorithm : ALGORITHMS) {
      try {
        PublicKey key = KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
        checkCurve(key);
        return new TrustedKey(key, pem.strip());
      } catch (InvalidKeySpecException e) {
        // not this algorithm; try the next
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("the JDK lacks " + algorithm, e);
      }
    }
    throw new IllegalArgumentException("is not an ECDSA, Ed25519 or RSA public key");
  }

  private static void checkCurve(PublicKey key) {
    if (key instanceof ECPublicKey ec) {
      int bits = ec.getParams().getCurve().getField().getFieldSize();
      if (bits != 256 && bits != 384) {
        throw new IllegalArgumentException("ECDSA keys must be on P-256 or P-384, not a " + bits + "-bit curve");
      }
    }
  }

  /** Whether {@code other} is this very key (same encoded SubjectPublicKeyInfo). */
  public boolean sameKey(PublicKey other) {
    return other != null && Arrays.equals(key.getEncoded(), other.getEncoded());
  }
}
