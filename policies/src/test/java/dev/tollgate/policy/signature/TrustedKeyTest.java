package dev.tollgate.policy.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TrustedKeyTest {

  private static PublicKey generate(String kind) throws Exception {
    return switch (kind) {
      case "P-256", "P-384", "P-521" -> {
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp" + kind.substring(2) + "r1"));
        yield ec.generateKeyPair().getPublic();
      }
      default -> KeyPairGenerator.getInstance(kind).generateKeyPair().getPublic();
    };
  }

  private static String pem(PublicKey key) {
    return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(key.getEncoded())
        + "\n-----END PUBLIC KEY-----\n";
  }

  @ParameterizedTest
  @ValueSource(strings = {"P-256", "P-384", "Ed25519", "RSA"})
  void readsTheKeysCosignCanSignWith(String kind) throws Exception {
    PublicKey key = generate(kind);
    TrustedKey trusted = TrustedKey.parse(pem(key));
    assertTrue(trusted.sameKey(key));
    assertEquals(key.getAlgorithm(), trusted.key().getAlgorithm());
  }

  @ParameterizedTest
  @CsvSource({
      "'not a key', is not a PEM public key",
      "'-----BEGIN PUBLIC KEY-----\n!!!\n-----END PUBLIC KEY-----', not base64",
      "'-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----', is not an ECDSA, Ed25519 or RSA public key",
  })
  void refusesWhatIsNoUsableKey(String text, String message) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TrustedKey.parse(text.replace("\\n", "\n")));
    assertTrue(e.getMessage().contains(message), e.getMessage());
  }

  @org.junit.jupiter.api.Test
  void refusesCurvesCosignDoesNotUse() throws Exception {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TrustedKey.parse(pem(generate("P-521"))));
    assertTrue(e.getMessage().contains("P-256 or P-384"), e.getMessage());
  }
}
