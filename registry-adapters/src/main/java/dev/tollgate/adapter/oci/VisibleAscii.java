package dev.tollgate.adapter.oci;

/**
 * The visible ASCII characters ({@code !} to {@code ~}): all that OCI names, tags, digests and
 * tokens consist of, and safe in a header, a path and a log line.
 */
final class VisibleAscii {

  private VisibleAscii() {}

  static boolean is(char c) {
    return c > 0x20 && c < 0x7f;
  }

  static boolean all(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (!is(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code text} itself, once checked: OCI's rule on top of percent-decoding, so a decoded name or
   * query value is refused unless it is all visible ASCII.
   *
   * @throws IllegalArgumentException "non-printable or non-ASCII character"
   */
  static String requireAll(String text) {
    if (!all(text)) {
      throw new IllegalArgumentException("non-printable or non-ASCII character");
    }
    return text;
  }
}
