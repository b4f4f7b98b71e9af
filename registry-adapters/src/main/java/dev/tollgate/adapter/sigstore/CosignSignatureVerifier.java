package dev.tollgate.adapter.sigstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.adapter.sigstore.SignatureFailure.Kind;
import dev.tollgate.policy.signature.SignatureAuthority;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Verifies one cosign tag-scheme signature (a layer of a {@code sha256-<hex>.sig} manifest: the
 * simple-signing payload plus its annotations) for one authority. The chain annotation is ignored
 * (the pinned root supplies the chain); the bundle annotation is Rekor's signed entry timestamp,
 * required for keyless signatures and checked whenever present.
 */
final class CosignSignatureVerifier {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final TrustRoot trust;

  CosignSignatureVerifier(TrustRoot trust) {
    this.trust = trust;
  }

  void verify(ArtifactDigest digest, byte[] payload, Map<String, String> annotations, SignatureAuthority authority)
      throws SignatureCheckException {
    SimpleSigningPayload.parse(payload).requireFor(digest);
    byte[] signature = base64(annotations.get(CosignAnnotations.SIGNATURE), "signature annotation");
    List<X509Certificate> certificates = certificate(annotations.get(CosignAnnotations.CERTIFICATE));
    PublicKey key = SigningIdentity.signingKey(trust, authority, certificates);
    if (!SignatureAlgorithms.verify(key, payload, signature)) {
      throw new SignatureCheckException(BundleVerifier.badSignature(authority),
          "the signature does not verify over the payload with the key of authority '" + authority.name() + "'");
    }
    X509Certificate leaf = certificates.isEmpty() ? null : certificates.get(0);
    String bundle = annotations.get(CosignAnnotations.BUNDLE);
    if (bundle == null) {
      if (leaf != null) {
        throw new SignatureCheckException(Kind.TLOG_INVALID, "a keyless signature without a Rekor bundle annotation");
      }
      return;
    }
    byte[] signer = leaf == null ? key.getEncoded() : encoded(leaf);
    SigningTimes times = new SigningTimes();
    checkSignedEntry(bundle, new LoggedSignature(BundleVerifier.sha256(payload), null, signature, signer), times);
    String timestamp = annotations.get(CosignAnnotations.RFC3161_TIMESTAMP);
    if (timestamp != null) {
      times.addTimestamp(trust, base64(json(timestamp).path("SignedRFC3161Timestamp").asText(null),
          "RFC 3161 timestamp annotation"), signature);
    }
    times.check(leaf);
  }

  /** The SET: Rekor's signature over the canonical JSON of the entry it promises to include. */
  private void checkSignedEntry(String bundleAnnotation, LoggedSignature logged, SigningTimes times)
      throws SignatureCheckException {
    JsonNode bundle = json(bundleAnnotation);
    JsonNode entry = bundle.path("Payload");
    String body = entry.path("body").asText("");
    long integratedTime = entry.path("integratedTime").asLong(-1);
    long logIndex = entry.path("logIndex").asLong(-1);
    String logId = entry.path("logID").asText("");
    if (body.isEmpty() || integratedTime < 0 || logIndex < 0 || !logId.matches("[0-9a-f]{64}")) {
      throw new SignatureCheckException(Kind.TLOG_INVALID, "the bundle annotation lacks body, integratedTime, "
          + "logIndex or logID");
    }
    byte[] logIdBytes = HexFormat.of().parseHex(logId);
    Instant time = Instant.ofEpochSecond(integratedTime);
    times.addIntegratedTime(trust, logIdBytes, time);
    String signable = "{\"body\":\"" + body + "\",\"integratedTime\":" + integratedTime + ",\"logID\":\"" + logId
        + "\",\"logIndex\":" + logIndex + "}";
    PublicKey logKey;
    try {
      logKey = trust.tlog(logIdBytes, time).orElseThrow().getPublicKey().toJavaPublicKey();
    } catch (Exception e) {
      throw new SignatureCheckException(Kind.TLOG_INVALID, "the log's key cannot be used: " + SignatureCheckException.describe(e));
    }
    byte[] set = base64(bundle.path("SignedEntryTimestamp").asText(null), "signed entry timestamp");
    if (!SignatureAlgorithms.verify(logKey, signable.getBytes(StandardCharsets.UTF_8), set)) {
      throw new SignatureCheckException(Kind.TLOG_INVALID, "the signed entry timestamp does not verify with the log's key");
    }
    JsonNode decoded = json(new String(base64(body, "log entry body"), StandardCharsets.UTF_8));
    logged.check(decoded, decoded.path("kind").asText(), decoded.path("apiVersion").asText());
  }

  private static List<X509Certificate> certificate(String pem) throws SignatureCheckException {
    if (pem == null || pem.isBlank()) {
      return List.of();
    }
    List<byte[]> blocks = Pem.blocks(pem);
    if (blocks.size() != 1) {
      throw new SignatureCheckException(Kind.BAD_CERTIFICATE_CHAIN,
          "the certificate annotation holds " + blocks.size() + " certificates, not one");
    }
    try {
      return List.of(Pem.certificate(blocks.get(0)));
    } catch (CertificateException e) {
      throw new SignatureCheckException(Kind.BAD_CERTIFICATE_CHAIN, "the certificate annotation is not an X.509 certificate");
    }
  }

  private static byte[] encoded(X509Certificate certificate) throws SignatureCheckException {
    try {
      return certificate.getEncoded();
    } catch (CertificateException e) {
      throw new SignatureCheckException(Kind.BAD_CERTIFICATE_CHAIN, "the certificate cannot be encoded");
    }
  }

  private static byte[] base64(String text, String what) throws SignatureCheckException {
    if (text == null || text.isEmpty()) {
      throw new SignatureCheckException(Kind.MALFORMED, "the " + what + " is missing");
    }
    try {
      return Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw new SignatureCheckException(Kind.MALFORMED, "the " + what + " is not base64");
    }
  }

  private static JsonNode json(String text) throws SignatureCheckException {
    try {
      JsonNode node = JSON.readTree(text);
      if (node == null || !node.isObject()) {
        throw new SignatureCheckException(Kind.MALFORMED, "an annotation is not a JSON object");
      }
      return node;
    } catch (IOException e) {
      throw new SignatureCheckException(Kind.MALFORMED, "an annotation is not JSON");
    }
  }
}
