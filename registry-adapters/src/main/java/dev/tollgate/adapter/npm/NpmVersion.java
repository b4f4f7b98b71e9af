package dev.tollgate.adapter.npm;

import java.util.List;
import java.util.Optional;

/**
 * A published npm version in strict SemVer 2.0.0 form, as the registry stores it ({@code 1.2.3},
 * {@code 2.0.0-beta.1+build.5}; no leading {@code v}, no leading zeros). The adapter needs the
 * order of versions to re-point dist-tags and the syntax to accept tarball file names; policy-level
 * range matching lives elsewhere.
 */
record NpmVersion(
    String text, long major, long minor, long patch, List<String> prerelease, String build)
    implements Comparable<NpmVersion> {

  /** node-semver refuses longer version strings. */
  static final int MAX_LENGTH = 256;

  /** node-semver refuses numeric parts above JavaScript's largest exact integer. */
  private static final long MAX_NUMBER = (1L << 53) - 1;

  NpmVersion {
    prerelease = List.copyOf(prerelease);
  }

  /** The version {@code text} denotes, or empty if it is not strict SemVer. */
  static Optional<NpmVersion> parse(String text) {
    if (text.isEmpty() || text.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    int plus = text.indexOf('+');
    String build = plus < 0 ? "" : text.substring(plus + 1);
    String withoutBuild = plus < 0 ? text : text.substring(0, plus);
    if (plus >= 0 && !identifiers(build, false)) {
      return Optional.empty();
    }
    int dash = withoutBuild.indexOf('-');
    String core = dash < 0 ? withoutBuild : withoutBuild.substring(0, dash);
    String pre = dash < 0 ? "" : withoutBuild.substring(dash + 1);
    if (dash >= 0 && !identifiers(pre, true)) {
      return Optional.empty();
    }
    String[] numbers = core.split("\\.", -1);
    if (numbers.length != 3) {
      return Optional.empty();
    }
    long[] values = new long[3];
    for (int i = 0; i < 3; i++) {
      if (!isNumericIdentifier(numbers[i])) {
        return Optional.empty();
      }
      values[i] = Long.parseLong(numbers[i]);
    }
    List<String> prerelease = dash < 0 ? List.of() : List.of(pre.split("\\.", -1));
    return Optional.of(new NpmVersion(text, values[0], values[1], values[2], prerelease, build));
  }

  static boolean isValid(String text) {
    return parse(text).isPresent();
  }

  boolean isPrerelease() {
    return !prerelease.isEmpty();
  }

  /**
   * SemVer precedence; versions that differ only in build metadata are then ordered by its text, so
   * the order is total and agrees with {@code equals}.
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
    if (result == 0) {
      result = comparePrerelease(prerelease, other.prerelease);
    }
    return result == 0 ? build.compareTo(other.build) : result;
  }

  @Override
  public String toString() {
    return text;
  }

  /** A release sorts after its prereleases; identifiers compare numerically or in ASCII order. */
  private static int comparePrerelease(List<String> left, List<String> right) {
    if (left.isEmpty() || right.isEmpty()) {
      return Boolean.compare(left.isEmpty(), right.isEmpty());
    }
    for (int i = 0; i < Math.min(left.size(), right.size()); i++) {
      int result = compareIdentifier(left.get(i), right.get(i));
      if (result != 0) {
        return result;
      }
    }
    return Integer.compare(left.size(), right.size());
  }

  private static int compareIdentifier(String left, String right) {
    boolean leftNumeric = isDigits(left);
    boolean rightNumeric = isDigits(right);
    if (leftNumeric && rightNumeric) {
      return left.length() != right.length()
          ? Integer.compare(left.length(), right.length())
          : left.compareTo(right);
    }
    if (leftNumeric != rightNumeric) {
      return leftNumeric ? -1 : 1;
    }
    return left.compareTo(right);
  }

  /** Dot-separated, non-empty identifiers of {@code [0-9A-Za-z-]}; prerelease numbers strict. */
  private static boolean identifiers(String text, boolean numbersStrict) {
    for (String part : text.split("\\.", -1)) {
      if (part.isEmpty()) {
        return false;
      }
      for (int i = 0; i < part.length(); i++) {
        char c = part.charAt(i);
        if (!AsciiText.isLetterOrDigit(c) && c != '-') {
          return false;
        }
      }
      if (numbersStrict && isDigits(part) && !isNumericIdentifier(part)) {
        return false;
      }
    }
    return true;
  }

  /** {@code 0} or digits without a leading zero, small enough for node-semver. */
  private static boolean isNumericIdentifier(String text) {
    if (!isDigits(text) || (text.length() > 1 && text.charAt(0) == '0') || text.length() > 16) {
      return false;
    }
    return Long.parseLong(text) <= MAX_NUMBER;
  }

  private static boolean isDigits(String text) {
    if (text.isEmpty()) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      if (!AsciiText.isDigit(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
