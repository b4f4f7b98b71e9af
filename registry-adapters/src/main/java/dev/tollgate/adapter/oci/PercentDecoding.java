package dev.tollgate.adapter.oci;

/**
 * Strict percent-decoding for the OCI mount, whose every valid path part and query value is ASCII:
 * each {@code %XX} must be two hex digits and decode to a printable ASCII character, and raw
 * characters must be printable ASCII too. Anything else is refused rather than guessed at, so the
 * gateway checks exactly the name it later asks upstream for. {@code +} stays {@code +}.
 */
final class PercentDecoding {

  private PercentDecoding() {}

  /**
   * The decoded text.
   *
   * @throws IllegalArgumentException "invalid percent-encoding" or "non-printable or non-ASCII
   *     character"
   */
  static String decode(String raw) {
    if (raw.indexOf('%') < 0) {
      requirePrintable(raw);
      return raw;
    }
    StringBuilder out = new StringBuilder(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        int high = i + 2 < raw.length() ? hexValue(raw.charAt(i + 1)) : -1;
        int low = high >= 0 ? hexValue(raw.charAt(i + 2)) : -1;
        if (low < 0) {
          throw new IllegalArgumentException("invalid percent-encoding");
        }
        c = (char) (high << 4 | low);
        i += 2;
      }
      out.append(c);
    }
    String decoded = out.toString();
    requirePrintable(decoded);
    return decoded;
  }

  private static void requirePrintable(String text) {
    if (!VisibleAscii.all(text)) {
      throw new IllegalArgumentException("non-printable or non-ASCII character");
    }
  }

  /** The value of an ASCII hex digit, or -1. */
  private static int hexValue(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    char lower = (char) (c | 0x20);
    return lower >= 'a' && lower <= 'f' ? lower - 'a' + 10 : -1;
  }
}
