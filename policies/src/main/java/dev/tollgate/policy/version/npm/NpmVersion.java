package dev.tollgate.policy.version.npm;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An npm package version: SemVer 2.0.0, read as node-semver reads it by default ({@code semver.valid}).
 * npm installs by node-semver's rules, so the gateway must agree with it exactly on which strings are
 * versions and how they sort, or a range would admit a version npm would never pick, or refuse one
 * it would.
 *
 * <p>Accepted besides plain SemVer, as node-semver does: one leading {@code v} and surrounding
 * whitespace. Not accepted (node-semver needs its {@code loose} option for them): a leading {@code =},
 * leading zeros, a pre-release without its hyphen ({@code 1.2.3beta}). Limits, as node-semver's: at
 * most 256 characters, and major, minor and patch at most 9007199254740991.
 *
 * <p>Order and equality follow SemVer precedence; build metadata is ignored ({@code 1.0.0+a} equals
 * {@code 1.0.0+b}). Pre-release numbers compare exactly at any size, where node-semver compares
 * numbers above 2^53 approximately.
 */
public final class NpmVersion implements Comparable<NpmVersion> {

  /** The longest version string node-semver accepts. */
  static final int MAX_LENGTH = 256;

  private static final String[] NO_PRERELEASE = new String[0];

  private final long major;
  private final long minor;
  private final long patch;
  /** Pre-release identifiers as written; empty for a release. */
  private final String[] prerelease;

  private NpmVersion(long major, long minor, long patch, String[] prerelease) {
    this.major = major;
    this.minor = minor;
    this.patch = patch;
    this.prerelease = prerelease;
  }

  /**
   * Parses a version as {@code semver.valid} does.
   *
   * @throws IllegalArgumentException when {@code text} is not a valid npm version
   */
  public static NpmVersion parse(String text) {
    NpmVersion version = parseOrNull(text);
    if (version == null) {
      throw new IllegalArgumentException("'" + text + "' is not a valid npm version: expected"
          + " MAJOR.MINOR.PATCH with an optional -prerelease and +build (like 1.2.3, 2.0.0-rc.1 or"
          + " 1.0.0+build.5), numbers up to " + SemverCursor.MAX_SAFE_INTEGER + " without leading"
          + " zeros, at most " + MAX_LENGTH + " characters");
    }
    return version;
  }

  /** Parses like {@link #parse} but answers empty instead of throwing; {@code null} is not a version. */
  public static Optional<NpmVersion> tryParse(String text) {
    return Optional.ofNullable(parseOrNull(text));
  }

  /** The version {@code text} spells, or {@code null}. */
  static NpmVersion parseOrNull(String text) {
    if (text == null || text.length() > MAX_LENGTH) {
      return null;
    }
    SemverCursor cursor = new SemverCursor(JsWhitespace.trim(text));
    cursor.consume('v');
    long major = cursor.number();
    long minor = cursor.consume('.') ? cursor.number() : SemverCursor.NOT_A_NUMBER;
    long patch = cursor.consume('.') ? cursor.number() : SemverCursor.NOT_A_NUMBER;
    if (major < 0 || minor < 0 || patch < 0) {
      return null;
    }
    String[] prerelease = cursor.consume('-') ? cursor.prereleaseIdentifiers() : NO_PRERELEASE;
    if (prerelease == null || (cursor.consume('+') && !cursor.skipBuildIdentifiers())) {
      return null;
    }
    return cursor.atEnd() ? new NpmVersion(major, minor, patch, prerelease) : null;
  }

  /** A release version; numbers must be valid (at most {@link SemverCursor#MAX_SAFE_INTEGER}). */
  static NpmVersion release(long major, long minor, long patch) {
    return new NpmVersion(major, minor, patch, NO_PRERELEASE);
  }

  /** A version with the given, already valid, pre-release identifiers. */
  static NpmVersion prerelease(long major, long minor, long patch, String[] prerelease) {
    return new NpmVersion(major, minor, patch, prerelease.clone());
  }

  /** {@code major.minor.patch-0}, the lowest version of that release: what exclusive upper bounds use. */
  static NpmVersion lowestPrerelease(long major, long minor, long patch) {
    return new NpmVersion(major, minor, patch, new String[] {"0"});
  }

  public long major() {
    return major;
  }

  public long minor() {
    return minor;
  }

  public long patch() {
    return patch;
  }

  /** The pre-release identifiers as written ({@code 1.0.0-rc.1} gives rc, 1); empty for a release. */
  public List<String> prerelease() {
    return List.of(prerelease);
  }

  public boolean isPrerelease() {
    return prerelease.length > 0;
  }

  /** Whether major, minor and patch are the same as {@code other}'s, pre-releases aside. */
  boolean hasSameRelease(NpmVersion other) {
    return major == other.major && minor == other.minor && patch == other.patch;
  }

  /**
   * SemVer precedence: major, minor, patch; then a pre-release sorts before its release, and
   * pre-releases compare identifier by identifier (numbers numerically and before words, words in
   * ASCII order), a longer list after its own prefix.
   */
  @Override
  public int compareTo(NpmVersion other) {
    int result = Long.compare(major, other.major);
    if (result == 0) {
      result = Long.compare(minor, other.minor);
    }
    if (result == 0) {
      result = Long.compare(patch, other.patch);
    }
    return result != 0 ? result : comparePrerelease(other);
  }

  private int comparePrerelease(NpmVersion other) {
    if (prerelease.length == 0 || other.prerelease.length == 0) {
      return Boolean.compare(prerelease.length == 0, other.prerelease.length == 0);
    }
    int common = Math.min(prerelease.length, other.prerelease.length);
    for (int i = 0; i < common; i++) {
      int result = compareIdentifiers(prerelease[i], other.prerelease[i]);
      if (result != 0) {
        return result;
      }
    }
    return Integer.compare(prerelease.length, other.prerelease.length);
  }

  /** Numbers have no leading zeros, so the longer is the larger and equal lengths compare as text. */
  private static int compareIdentifiers(String a, String b) {
    boolean aNumeric = isNumeric(a);
    boolean bNumeric = isNumeric(b);
    if (aNumeric && bNumeric) {
      return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
    }
    if (aNumeric != bNumeric) {
      return aNumeric ? -1 : 1;
    }
    return a.compareTo(b);
  }

  private static boolean isNumeric(String identifier) {
    for (int i = 0; i < identifier.length(); i++) {
      if (!SemverCursor.isDigit(identifier.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof NpmVersion version
        && major == version.major
        && minor == version.minor
        && patch == version.patch
        && Arrays.equals(prerelease, version.prerelease);
  }

  @Override
  public int hashCode() {
    return Objects.hash(major, minor, patch, Arrays.hashCode(prerelease));
  }

  /** As {@code semver.valid} prints it: no {@code v}, no build metadata ({@code 1.2.3-rc.1}). */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder().append(major).append('.').append(minor).append('.')
        .append(patch);
    if (prerelease.length > 0) {
      text.append('-').append(String.join(".", prerelease));
    }
    return text.toString();
  }
}
