package dev.tollgate.gateway.upstream;

import java.io.IOException;

/** Why an upstream could not give what was asked; the gateway maps each kind to its own status. */
public final class UpstreamException extends IOException {
  private static final long serialVersionUID = 1L;

  /** The failure kinds, each answered differently (502, 504, ...). */
  public enum Kind {
    /** Connection refused, reset, DNS failure, TLS failure. */
    UNREACHABLE,
    /** No response headers, or no body bytes, within the read timeout. */
    TIMEOUT,
    /** A status the gateway cannot pass on (5xx, unexpected 4xx, too many redirects). */
    BAD_STATUS,
    /** A metadata document larger than the configured bound. */
    TOO_LARGE,
    /** A redirect the gateway must not follow (to plain http, or for metadata). */
    REDIRECT_REFUSED,
    /** The bytes did not match the digest the index declared. */
    DIGEST_MISMATCH
  }

  private final Kind kind;

  public UpstreamException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public UpstreamException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
