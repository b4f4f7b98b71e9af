package dev.tollgate.adapter.sigstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.adapter.sigstore.SignatureFailure.Kind;
import java.io.IOException;
import java.util.Optional;

/**
 * Binds an in-toto statement to the digest being served: some subject must carry that digest
 * under its algorithm. A subject's {@code name} is optional, as cosign v3 leaves it out.
 */
final class InTotoSubjects {

  private static final ObjectMapper JSON = new ObjectMapper();

  private InTotoSubjects() {}

  static void check(byte[] statementJson, ArtifactDigest digest, Optional<String> predicateType)
      throws SignatureCheckException {
    JsonNode statement;
    try {
      statement = JSON.readTree(statementJson);
    } catch (IOException e) {
      throw new SignatureCheckException(Kind.MALFORMED, "the DSSE payload is not a JSON in-toto statement");
    }
    if (statement == null || !statement.path("subject").isArray()) {
      throw new SignatureCheckException(Kind.MALFORMED, "the in-toto statement has no subject list");
    }
    if (predicateType.isPresent() && !predicateType.get().equals(statement.path("predicateType").asText())) {
      throw new SignatureCheckException(Kind.MALFORMED, "the statement's predicate type '"
          + statement.path("predicateType").asText() + "' is not " + predicateType.get());
    }
    for (JsonNode subject : statement.path("subject")) {
      if (digest.hex().equalsIgnoreCase(subject.path("digest").path(digest.algorithm()).asText())) {
        return;
      }
    }
    throw new SignatureCheckException(Kind.PAYLOAD_DIGEST_MISMATCH, "no subject of the statement has digest " + digest);
  }
}
