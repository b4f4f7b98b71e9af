package dev.tollgate.policy.version.npm;

import dev.tollgate.policy.version.Trimming;

/**
 * Whitespace as JavaScript's {@code \s} and {@code String.prototype.trim()} see it. node-semver trims
 * versions and trims and collapses ranges with these rules, which differ from Java's (no-break spaces
 * count, for one); using Java's would make the gateway read some policy texts differently from npm.
 */
final class JsWhitespace {

  private JsWhitespace() {}

  /** ECMAScript WhiteSpace and LineTerminator characters. */
  static boolean isWhitespace(char c) {
    return switch (c) {
      case '\t', '\n', '\u000B', '\f', '\r', ' ', '\u00A0', '\u1680', '\u2028', '\u2029', '\u202F',
          '\u205F', '\u3000', '\uFEFF' -> true;
      default -> c >= '\u2000' && c <= '\u200A';
    };
  }

  /** {@code text} without surrounding whitespace, as {@code trim()} does. */
  static String trim(String text) {
    return Trimming.strip(text, c -> isWhitespace((char) c));
  }

  /** {@code text} trimmed, with every inner run of whitespace replaced by one space. */
  static String trimAndCollapse(String text) {
    String trimmed = trim(text);
    StringBuilder collapsed = new StringBuilder(trimmed.length());
    boolean inWhitespace = false;
    for (int i = 0; i < trimmed.length(); i++) {
      char c = trimmed.charAt(i);
      if (isWhitespace(c)) {
        inWhitespace = true;
        continue;
      }
      if (inWhitespace) {
        collapsed.append(' ');
        inWhitespace = false;
      }
      collapsed.append(c);
    }
    return collapsed.toString();
  }
}
