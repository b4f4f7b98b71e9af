package dev.tollgate.adapter.oci;

/**
 * The error codes of the distribution spec, each with the HTTP status a registry answers it with.
 * Clients print the code and message of an {@code errors} body (skopeo: {@code denied: <message>}),
 * so the code says which part of the request failed.
 */
public enum OciErrorCode {
  BLOB_UNKNOWN(404),
  BLOB_UPLOAD_INVALID(400),
  BLOB_UPLOAD_UNKNOWN(404),
  DIGEST_INVALID(400),
  MANIFEST_BLOB_UNKNOWN(404),
  MANIFEST_INVALID(400),
  MANIFEST_UNKNOWN(404),
  NAME_INVALID(400),
  NAME_UNKNOWN(404),
  SIZE_INVALID(400),
  UNAUTHORIZED(401),
  DENIED(403),
  UNSUPPORTED(405),
  TOOMANYREQUESTS(429);

  private final int httpStatus;

  OciErrorCode(int httpStatus) {
    this.httpStatus = httpStatus;
  }

  /** The status a registry answers with this code. */
  public int httpStatus() {
    return httpStatus;
  }
}
