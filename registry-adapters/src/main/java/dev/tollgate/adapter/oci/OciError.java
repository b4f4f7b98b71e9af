package dev.tollgate.adapter.oci;

import java.util.Map;
import java.util.Objects;

/**
 * One entry of an OCI error body: the code clients branch on, the message they print, and details
 * (the rule, the typosquat target...) for people and tools that read the body itself.
 */
public record OciError(OciErrorCode code, String message, Map<String, String> detail) {

  public OciError {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
    detail = Map.copyOf(detail);
  }

  public static OciError of(OciErrorCode code, String message) {
    return new OciError(code, message, Map.of());
  }
}
