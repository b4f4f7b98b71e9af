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
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String piece;
      if (c == '\u2014' || c == '\u2013') {
        piece = "-";
      } else if (c >= 0x20 && c < 0x7f) {
        piece = String.valueOf(c);
      } else if (c == '\r' || c == '\n' || c == '\t') {
        piece = " ";
      } else {
        piece = String.format("\\u%04x", (int) c);
      }
      if (out.length() + piece.length() > MAX) {
        break;
      }
      out.append(piece);
    }
    return out.toString();
  }
}
