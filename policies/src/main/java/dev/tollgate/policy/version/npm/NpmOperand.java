package dev.tollgate.policy.version.npm;

/**
 * A version as an npm range writes it after an operator: one to three parts, each a number or a
 * wildcard ({@code x}, {@code X}, {@code *}; a missing part counts as one), a pre-release only after
 * three parts, build metadata (ignored), and the run of {@code v} and {@code =} characters that
 * node-semver tolerates in front.
 */
final class NpmOperand {

  /** A part written as x, X or * or left out; distinct from {@link SemverCursor}'s markers. */
  static final long WILDCARD = -3;

  private static final String[] NO_PRERELEASE = new String[0];

  /** The {@code v}, {@code =} (and, in hyphen ranges, space) characters written before the number. */
  private final String prefix;
  /** Major, minor, patch: a number, {@link #WILDCARD} or {@link SemverCursor#TOO_LARGE}. */
  private final long[] parts;
  private final String[] prerelease;

  private NpmOperand(String prefix, long[] parts, String[] prerelease) {
    this.prefix = prefix;
    this.parts = parts;
    this.prerelease = prerelease;
  }

  /**
   * Reads an operand at {@code cursor}, its prefix made of {@code prefixCharacters}; answers {@code
   * null}, with the cursor anywhere, when none is there.
   */
  static NpmOperand read(SemverCursor cursor, String prefixCharacters) {
    String prefix = cursor.consumeAny(prefixCharacters);
    long[] parts = {WILDCARD, WILDCARD, WILDCARD};
    int count = 0;
    do {
      long part = wildcardOrNumber(cursor);
      if (part == SemverCursor.NOT_A_NUMBER) {
        return null;
      }
      parts[count++] = part;
    } while (count < parts.length && cursor.consume('.'));
    String[] prerelease = NO_PRERELEASE;
    if (count == parts.length && cursor.consume('-')) {
      prerelease = cursor.prereleaseIdentifiers();
    }
    if (prerelease == null || (cursor.consume('+') && !cursor.skipBuildIdentifiers())) {
      return null;
    }
    return new NpmOperand(prefix, parts, prerelease);
  }

  private static long wildcardOrNumber(SemverCursor cursor) {
    if (cursor.consume('x') || cursor.consume('X') || cursor.consume('*')) {
      return WILDCARD;
    }
    return cursor.number();
  }

  String prefix() {
    return prefix;
  }

  long major() {
    return parts[0];
  }

  long minor() {
    return parts[1];
  }

  long patch() {
    return parts[2];
  }

  /** How many parts, from major on, are numbers: 0 for {@code *}, 2 for {@code 1.2.x}, 3 for a version. */
  int leadingNumbers() {
    int count = 0;
    while (count < parts.length && parts[count] != WILDCARD) {
      count++;
    }
    return count;
  }

  /** Whether no number follows a wildcard: true for {@code 1.x}, false for {@code 1.x.3}. */
  boolean hasWildcardsLast() {
    for (int i = leadingNumbers(); i < parts.length; i++) {
      if (parts[i] != WILDCARD) {
        return false;
      }
    }
    return true;
  }

  boolean hasTooLargeNumber() {
    for (long part : parts) {
      if (part == SemverCursor.TOO_LARGE) {
        return true;
      }
    }
    return false;
  }

  boolean hasPrerelease() {
    return prerelease.length > 0;
  }

  /**
   * The version written, pre-release included; only for an operand of three numbers.
   *
   * @throws IllegalArgumentException when it is longer than node-semver accepts
   */
  NpmVersion version() {
    NpmVersion version = NpmVersion.prerelease(major(), minor(), patch(), prerelease);
    if (version.toString().length() > NpmVersion.MAX_LENGTH) {
      throw new IllegalArgumentException(
          "has a version longer than " + NpmVersion.MAX_LENGTH + " characters");
    }
    return version;
  }
}
