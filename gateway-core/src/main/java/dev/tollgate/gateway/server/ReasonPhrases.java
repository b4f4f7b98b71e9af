package dev.tollgate.gateway.server;

/**
 * Makes a sentence safe as an HTTP reason phrase: printable ASCII only (other characters become
 * {@code \\uXXXX}, so a confusable name stays recognisable), bounded in length.
 */
public final class ReasonPhrases {

  private static final int MAX = 1024;

  private ReasonPhrases() {}

  public static String sanitize(String text) {
    StringBuilder out = new StringBuilder(Math.min(text.length(), MAX));
    for (int i = 0; i < text.length() && out.length() < MAX; i++) {
      char c = text.charAt(i);
      if (c == '\u2014' || c == '\u2013') {
        out.append('-');
      } else if (c >= 0x20 && c < 0x7f) {
        out.append(c);
      } else if (c == '\r' || c == '\n' || c == '\t') {
        out.append(' ');
      } else {
        out.append(String.format("\\u%04x", (int) c));
      }
    }
    return out.toString();
  }
}
