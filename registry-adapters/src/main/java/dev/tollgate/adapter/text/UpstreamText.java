package dev.tollgate.adapter.text;

/**
 * Quotes text from an upstream document (a PyPI page, an npm packument) in an error message. Such
 * messages reach logs and the client's terminal, so the quote is short and cannot carry control
 * characters; every ecosystem quotes the same way.
 */
public final class UpstreamText {

  private static final int MAX_LENGTH = 80;

  private UpstreamText() {}

  /** {@code text} in single quotes, cut to 80 characters, control characters shown as {@code ?}. */
  public static String quote(String text) {
    String shortened =
        text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH - 3) + "...";
    StringBuilder out = new StringBuilder(shortened.length() + 2).append('\'');
    for (int i = 0; i < shortened.length(); i++) {
      char c = shortened.charAt(i);
      out.append(Character.isISOControl(c) ? '?' : c);
    }
    return out.append('\'').toString();
  }
}
