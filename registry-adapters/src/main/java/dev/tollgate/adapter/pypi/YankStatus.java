package dev.tollgate.adapter.pypi;

import java.util.Objects;
import java.util.Optional;

/**
 * PEP 592 yanking of one file: a yanked file stays listed (a pinned install may still use it) but
 * resolvers skip it, and a mirror must never list it without saying so.
 */
public record YankStatus(boolean yanked, Optional<String> reason) {

  public static final YankStatus NOT_YANKED = new YankStatus(false, Optional.empty());

  public YankStatus {
    Objects.requireNonNull(reason, "reason");
    if (!yanked && reason.isPresent()) {
      throw new IllegalArgumentException("a file that is not yanked has no yank reason");
    }
  }

  /** A yanked file; an empty or blank {@code reason} means none was given. */
  public static YankStatus yanked(String reason) {
    return new YankStatus(true, reason.isBlank() ? Optional.empty() : Optional.of(reason));
  }
}
