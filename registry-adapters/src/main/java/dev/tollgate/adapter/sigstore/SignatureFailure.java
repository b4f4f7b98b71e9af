package dev.tollgate.adapter.sigstore;

import java.util.Locale;
import java.util.Objects;

/**
 * Why one signature did not count: a kind a caller can act on (and tests can assert) plus a
 * sentence naming the exact value that failed, for the client's error and the audit log.
 */
public record SignatureFailure(Kind kind, String detail) {

  /** What went wrong, from "nothing to check" to "the evidence is forged or stale". */
  public enum Kind {
    NO_SIGNATURE,
    MALFORMED,
    WRONG_IDENTITY,
    WRONG_KEY,
    BAD_SIGNATURE,
    PAYLOAD_DIGEST_MISMATCH,
    BAD_CERTIFICATE_CHAIN,
    TLOG_INVALID,
    TIME_INVALID,
    UNTRUSTED_ROOT
  }

  public SignatureFailure {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(detail, "detail");
  }

  @Override
  public String toString() {
    return kind.name().toLowerCase(Locale.ROOT).replace('_', ' ') + ": " + detail;
  }
}
