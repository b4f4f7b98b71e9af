package dev.tollgate.adapter.sigstore;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.adapter.sigstore.SignatureFailure.Kind;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Binds a Rekor entry's body to the signature at hand, so a valid log entry for some other
 * signature, artifact or signer cannot vouch for this one. Understands the body kinds cosign and
 * Sigstore clients log: hashedrekord 0.0.1/0.0.2 and dsse 0.0.1/0.0.2.
 *
 * @param signedDigest the SHA-256 a hashedrekord entry must log: of the artifact for a message
 *     signature, of the payload for a cosign signature, of the DSSE PAE for Rekor v2 DSSE
 * @param payloadDigest the SHA-256 of the DSSE payload, or {@code null} for non-DSSE signatures
 * @param signature the raw signature bytes
 * @param signer the DER of the signing certificate, or of the public key when there is none
 */
record LoggedSignature(byte[] signedDigest, byte[] payloadDigest, byte[] signature, byte[] signer) {

  /** Checks the decoded body of an entry whose declared kind and version are given. */
  void check(JsonNode body, String kind, String version) throws SignatureCheckException {
    if (!kind.equals(body.path("kind").asText()) || !version.equals(body.path("apiVersion").asText())) {
      throw fail("the log entry body is " + body.path("kind").asText() + " " + body.path("apiVersion").asText()
          + " but the bundle says " + kind + " " + version);
    }
    JsonNode spec = body.path("spec");
    switch (kind + " " + version) {
      case "hashedrekord 0.0.1" -> {
        same("logged artifact hash", hex(spec.path("data").path("hash"), "sha256"), signedDigest);
        same("logged signature", base64(spec.path("signature").path("content")), signature);
        same("logged signer", Pem.derOfBase64Pem(spec.path("signature").path("publicKey").path("content").asText()),
            signer);
      }
      case "hashedrekord 0.0.2" -> {
        JsonNode v2 = spec.path("hashedRekordV002");
        if (!"SHA2_256".equals(v2.path("data").path("algorithm").asText())) {
          throw fail("the logged artifact hash is not SHA2_256");
        }
        same("logged artifact hash", base64(v2.path("data").path("digest")), signedDigest);
        sameSignatureV2(v2.path("signature"));
      }
      case "dsse 0.0.1" -> {
        requireDsse();
        same("logged payload hash", hex(spec.path("payloadHash"), "sha256"), payloadDigest);
        JsonNode signatures = spec.path("signatures");
        if (signatures.size() != 1) {
          throw fail("the log entry holds " + signatures.size() + " DSSE signatures, not one");
        }
        same("logged signature", base64(signatures.get(0).path("signature")), signature);
        same("logged signer", Pem.derOfBase64Pem(signatures.get(0).path("verifier").asText()), signer);
      }
      case "dsse 0.0.2" -> {
        requireDsse();
        JsonNode v2 = spec.path("dsseV002");
        if (!"SHA2_256".equals(v2.path("payloadHash").path("algorithm").asText())) {
          throw fail("the logged payload hash is not SHA2_256");
        }
        same("logged payload hash", base64(v2.path("payloadHash").path("digest")), payloadDigest);
        if (v2.path("signatures").size() != 1) {
          throw fail("the log entry holds " + v2.path("signatures").size() + " DSSE signatures, not one");
        }
        sameSignatureV2(v2.path("signatures").get(0));
      }
      default -> throw fail("log entries of kind " + kind + " " + version + " are not supported");
    }
  }

  private void sameSignatureV2(JsonNode logged) throws SignatureCheckException {
    same("logged signature", base64(logged.path("content")), signature);
    JsonNode verifier = logged.path("verifier");
    JsonNode raw = verifier.has("x509Certificate")
        ? verifier.path("x509Certificate").path("rawBytes")
        : verifier.path("publicKey").path("rawBytes");
    same("logged signer", base64(raw), signer);
  }

  private void requireDsse() throws SignatureCheckException {
    if (payloadDigest == null) {
      throw fail("a DSSE log entry cannot vouch for a signature that is not DSSE");
    }
  }

  private static void same(String what, byte[] logged, byte[] expected) throws SignatureCheckException {
    if (logged == null || !Arrays.equals(logged, expected)) {
      throw fail("the " + what + " differs from the signature being verified");
    }
  }

  private static byte[] hex(JsonNode hash, String algorithm) throws SignatureCheckException {
    if (!algorithm.equals(hash.path("algorithm").asText())) {
      throw fail("the log entry's hash is not " + algorithm);
    }
    try {
      return HexFormat.of().parseHex(hash.path("value").asText());
    } catch (IllegalArgumentException e) {
      throw fail("the log entry's hash is not hex");
    }
  }

  private static byte[] base64(JsonNode text) throws SignatureCheckException {
    try {
      return Base64.getDecoder().decode(text.asText());
    } catch (IllegalArgumentException e) {
      throw fail("the log entry holds a field that is not base64");
    }
  }

  private static SignatureCheckException fail(String detail) {
    return new SignatureCheckException(Kind.TLOG_INVALID, detail);
  }
}
