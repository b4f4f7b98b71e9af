package dev.tollgate.policy.version.npm;

import java.util.ArrayList;
import java.util.List;

/**
 * A position in a text that reads the pieces SemVer 2.0.0 builds versions from. Versions and ranges
 * share these pieces; reading them by hand, one character at a time, keeps parsing linear whatever the
 * input, where node-semver needs length caps to keep its regular expressions from backtracking.
 */
final class SemverCursor {

  /** The largest number node-semver accepts in a version (JavaScript's Number.MAX_SAFE_INTEGER). */
  static final long MAX_SAFE_INTEGER = 9_007_199_254_740_991L;
  /** What {@link #number()} answers when no valid number is there. */
  static final long NOT_A_NUMBER = -1;
  /** What {@link #number()} answers for a number above {@link #MAX_SAFE_INTEGER}. */
  static final long TOO_LARGE = -2;

  private static final int MAX_SAFE_INTEGER_DIGITS = 16;
  private static final String[] NO_IDENTIFIERS = new String[0];

  private final String text;
  private final int end;
  private int pos;

  SemverCursor(String text) {
    this.text = text;
    this.end = text.length();
  }

  int position() {
    return pos;
  }

  boolean atEnd() {
    return pos == end;
  }

  boolean nextIs(char c) {
    return pos < end && text.charAt(pos) == c;
  }

  /** Whether the text continues with {@code expected}; if so, steps over it. */
  boolean consume(char expected) {
    if (nextIs(expected)) {
      pos++;
      return true;
    }
    return false;
  }

  /** Whether the text continues with {@code expected}; if so, steps over it. */
  boolean consume(String expected) {
    if (text.startsWith(expected, pos)) {
      pos += expected.length();
      return true;
    }
    return false;
  }

  /** Steps over and answers the longest run of characters from {@code allowed}; empty if none. */
  String consumeAny(String allowed) {
    int start = pos;
    while (pos < end && allowed.indexOf(text.charAt(pos)) >= 0) {
      pos++;
    }
    return text.substring(start, pos);
  }

  /**
   * Reads a numeric identifier: {@code 0} or digits without a leading zero. Answers its value,
   * {@link #TOO_LARGE}, or {@link #NOT_A_NUMBER} when there are no digits or a leading zero.
   */
  long number() {
    int start = pos;
    while (pos < end && isDigit(text.charAt(pos))) {
      pos++;
    }
    int length = pos - start;
    if (length == 0 || (length > 1 && text.charAt(start) == '0')) {
      return NOT_A_NUMBER;
    }
    if (length > MAX_SAFE_INTEGER_DIGITS) {
      return TOO_LARGE;
    }
    long value = Long.parseLong(text, start, pos, 10);
    return value > MAX_SAFE_INTEGER ? TOO_LARGE : value;
  }

  /**
   * Reads the dot-separated identifiers of a pre-release (the part after {@code -}): letters, digits
   * and hyphens, no empty one, no leading zero in an all-digit one. Answers {@code null} if malformed.
   */
  String[] prereleaseIdentifiers() {
    List<String> identifiers = new ArrayList<>(2);
    do {
      int start = pos;
      boolean digitsOnly = true;
      while (pos < end && isIdentifierCharacter(text.charAt(pos))) {
        digitsOnly &= isDigit(text.charAt(pos));
        pos++;
      }
      int length = pos - start;
      if (length == 0 || (digitsOnly && length > 1 && text.charAt(start) == '0')) {
        return null;
      }
      identifiers.add(text.substring(start, pos));
    } while (consume('.'));
    return identifiers.toArray(NO_IDENTIFIERS);
  }

  /** Steps over the identifiers of build metadata (after {@code +}); false if one is empty. */
  boolean skipBuildIdentifiers() {
    do {
      int start = pos;
      while (pos < end && isIdentifierCharacter(text.charAt(pos))) {
        pos++;
      }
      if (pos == start) {
        return false;
      }
    } while (consume('.'));
    return true;
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isIdentifierCharacter(char c) {
    return isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-';
  }
}
