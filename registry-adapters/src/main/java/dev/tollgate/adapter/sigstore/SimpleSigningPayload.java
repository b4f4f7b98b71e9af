package dev.tollgate.adapter.sigstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.adapter.sigstore.SignatureFailure.Kind;
import java.io.IOException;

/**
 * The payload a cosign tag-scheme signature signs: a "simple signing" JSON document whose
 * {@code critical.image.docker-manifest-digest} names the manifest it vouches for.
 */
record SimpleSigningPayload(String type, String manifestDigest, String dockerReference) {

  static final String COSIGN_TYPE = "cosign container image signature";
  private static final ObjectMapper JSON = new ObjectMapper();

  static SimpleSigningPayload parse(byte[] payload) throws SignatureCheckException {
    JsonNode critical;
    try {
      JsonNode root = JSON.readTree(payload);
      critical = root == null ? null : root.get("critical");
    } catch (IOException e) {
      throw new SignatureCheckException(Kind.MALFORMED, "the signature payload is not JSON");
    }
    if (critical == null || !critical.isObject()) {
      throw new SignatureCheckException(Kind.MALFORMED, "the signature payload has no 'critical' section");
    }
    return new SimpleSigningPayload(critical.path("type").asText(""),
        critical.path("image").path("docker-manifest-digest").asText(""),
        critical.path("identity").path("docker-reference").asText(""));
  }

  /** Requires the cosign type and the very digest being pulled. */
  void requireFor(ArtifactDigest digest) throws SignatureCheckException {
    if (!COSIGN_TYPE.equals(type)) {
      throw new SignatureCheckException(Kind.MALFORMED, "the payload type '" + type + "' is not '" + COSIGN_TYPE + "'");
    }
    if (!digest.toString().equals(manifestDigest)) {
      throw new SignatureCheckException(Kind.PAYLOAD_DIGEST_MISMATCH, "the payload signs " + manifestDigest
          + ", not the pulled manifest " + digest);
    }
  }
}
