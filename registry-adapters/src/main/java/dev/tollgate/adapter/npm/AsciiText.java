package dev.tollgate.adapter.npm;

/**
 * Character classes of npm's ASCII-only syntaxes (names, versions, tags), in one place so that each
 * syntax's allowed set is written as the difference from plain letters and digits.
 */
final class AsciiText {

  private AsciiText() {}

  static boolean isLetterOrDigit(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isDigit(c);
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
