package dev.tollgate.policy.rules;

import dev.tollgate.policy.version.VersionConstraint;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One allow-list or deny-list entry as a security team wrote it: which names, which versions
 * (none: all), until when, why, and where it was written (file and line) for messages.
 */
public record ListEntry(
    NamePattern name,
    Optional<VersionConstraint> versions,
    Optional<LocalDate> expires,
    String note,
    String source) {

  public ListEntry {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(versions, "versions");
    Objects.requireNonNull(expires, "expires");
    note = note == null ? "" : note;
    source = source == null ? "" : source;
  }

  /** Whether the entry has expired on {@code today}: it allows up to and including the day before. */
  public boolean expiredOn(LocalDate today) {
    return expires.map(d -> !today.isBefore(d)).orElse(false);
  }

  /** The version constraint's text, or {@code *} when the entry admits every version. */
  public String versionText() {
    return versions.map(VersionConstraint::text).orElse("*");
  }
}
