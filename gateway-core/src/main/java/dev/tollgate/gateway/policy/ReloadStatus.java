package dev.tollgate.gateway.policy;

import java.time.Instant;
import java.util.Optional;

/**
 * A read-only snapshot of policy reloading, for {@code /admin/status}, the metrics and the log:
 * how many reloads took effect and how many were rejected, and the last rejection's reason while
 * it stands. The gateway is degraded while the files on disk are not the policy in force.
 *
 * @param reloads reloads that put new files in force since start (the first load not counted)
 * @param reloadErrors reloads rejected because a file was invalid
 * @param lastError why the most recent reload was rejected (file, line, field, why); empty once a
 *     later reload succeeds
 * @param lastErrorAt when that rejection happened
 * @param lastSuccess when the policy in force was loaded
 */
public record ReloadStatus(
    long reloads, long reloadErrors, Optional<String> lastError, Optional<Instant> lastErrorAt, Instant lastSuccess) {

  /** Whether an invalid edit is on disk and the previous policy still serves. */
  public boolean degraded() {
    return lastError.isPresent();
  }
}
