package dev.tollgate.adapter.sigstore;

import dev.sigstore.timestamp.client.ImmutableTimestampResponse;
import dev.tollgate.adapter.sigstore.SignatureFailure.Kind;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * The trusted times at which a signature is known to have existed (a Rekor integrated time
 * vouched for by a SET, RFC 3161 timestamps from a pinned TSA) and the rule sigstore-java 2.0.0
 * leaves out: each must fall inside the short-lived signing certificate's validity.
 */
final class SigningTimes {

  private final List<Instant> times = new ArrayList<>();

  /** Records a log's integrated time after checking that the log's key was valid then. */
  void addIntegratedTime(TrustRoot trust, byte[] logId, Instant time) throws SignatureCheckException {
    if (trust.tlog(logId, time).isEmpty()) {
      throw new SignatureCheckException(Kind.TLOG_INVALID,
          "no trusted transparency log with this log id was valid at " + time);
    }
    times.add(time);
  }

  /** Verifies an RFC 3161 response over {@code signature} against the pinned TSAs and records its time. */
  void addTimestamp(TrustRoot trust, byte[] response, byte[] signature) throws SignatureCheckException {
    ImmutableTimestampResponse timestamp = ImmutableTimestampResponse.builder().encoded(response).build();
    try {
      trust.timestamps().verify(timestamp, signature);
      times.add(timestamp.getGenTime().toInstant());
    } catch (Exception e) {
      throw new SignatureCheckException(Kind.TIME_INVALID,
          "the RFC 3161 timestamp does not verify: " + SignatureCheckException.describe(e));
    }
  }

  /** Requires at least one trusted time, each inside the certificate's validity (when there is one). */
  void check(X509Certificate leaf) throws SignatureCheckException {
    if (times.isEmpty()) {
      throw new SignatureCheckException(Kind.TLOG_INVALID,
          "no trusted signing time: neither a signed entry timestamp nor an RFC 3161 timestamp");
    }
    if (leaf == null) {
      return;
    }
    for (Instant time : times) {
      try {
        leaf.checkValidity(Date.from(time));
      } catch (CertificateExpiredException | CertificateNotYetValidException e) {
        throw new SignatureCheckException(Kind.TIME_INVALID, "signed at " + time
            + ", outside the certificate's validity " + leaf.getNotBefore().toInstant() + " .. "
            + leaf.getNotAfter().toInstant());
      }
    }
  }
}
