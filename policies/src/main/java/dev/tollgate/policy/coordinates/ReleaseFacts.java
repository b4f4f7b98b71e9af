package dev.tollgate.policy.coordinates;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the registry says about one published version that policy may act on: whether installing
 * it runs code (npm's install scripts) and when it was published (for the minimum release age).
 */
public record ReleaseFacts(boolean runsInstallScripts, Optional<Instant> publishedAt) {

  public ReleaseFacts {
    Objects.requireNonNull(publishedAt, "publishedAt");
  }
}
