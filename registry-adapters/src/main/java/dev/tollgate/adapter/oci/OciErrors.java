package dev.tollgate.adapter.oci;

import java.util.List;

/**
 * Writes the distribution spec's error body, {@code {"errors":[{"code","message","detail"}]}},
 * which docker, podman and skopeo print to the user ({@code denied: <message>}): every refusal the
 * gateway makes on the OCI mount is answered this way, with {@code application/json}.
 */
public final class OciErrors {

  /** The content type of an error body. */
  public static final String CONTENT_TYPE = "application/json";

  private OciErrors() {}

  /** The body for one error without details. */
  public static byte[] body(OciErrorCode code, String message) {
    return body(List.of(OciError.of(code, message)));
  }

  /** The body listing {@code errors}; a {@code detail} object only where there are details. */
  public static byte[] body(List<OciError> errors) {
    return JsonDocuments.write(json -> {
      json.writeStartObject();
      json.writeArrayFieldStart("errors");
      for (OciError error : errors) {
        json.writeStartObject();
        json.writeStringField("code", error.code().name());
        json.writeStringField("message", error.message());
        if (!error.detail().isEmpty()) {
          JsonDocuments.writeStrings(json, "detail", error.detail());
        }
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    });
  }
}
