package dev.tollgate.policy.rules;

import dev.tollgate.policy.version.VersionConstraint;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One allow-list or deny-list entry as a security team wrote it: which names, which versions
 * (none: all), until when, why, and where it was written (file and line) for messages. An allow-list
 * entry may also let its versions run install scripts (npm), set its own minimum release age, and
 * (images) admit pulls by digest only, so that a moved tag can never change what is pulled.
 */
public record ListEntry(
    NamePattern name,
    Optional<VersionConstraint> versions,
    Optional<LocalDate> expires,
    String note,
    String source,
    boolean installScripts,
    Optional<Duration> minimumAge,
    boolean digestPinsOnly) {

  public ListEntry {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(versions, "versions");
    Objects.requireNonNull(expires, "expires");
    Objects.requireNonNull(minimumAge, "minimumAge");
    note = note == null ? "" : note;
    source = source == null ? "" : source;
  }

  /** An entry that does not insist on digest pins. */
  public ListEntry(NamePattern name, Optional<VersionConstraint> versions, Optional<LocalDate> expires, String note,
      String source, boolean installScripts, Optional<Duration> minimumAge) {
    this(name, versions, expires, note, source, installScripts, minimumAge, false);
  }

  /** An entry that permits no install scripts and keeps the policy's minimum release age. */
  public ListEntry(NamePattern name, Optional<VersionConstraint> versions, Optional<LocalDate> expires, String note,
      String source) {
    this(name, versions, expires, note, source, false, Optional.empty(), false);
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
