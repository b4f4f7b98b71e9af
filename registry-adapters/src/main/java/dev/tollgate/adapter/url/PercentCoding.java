package dev.tollgate.adapter.url;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding of URL parts, strict in both directions and shared by every ecosystem: a request
 * path, a query value and an upstream link are all decoded the same way, so the name the gateway
 * checks is exactly the name it later asks upstream for and serves. Ecosystems with a narrower
 * alphabet (OCI: visible ASCII only) check the decoded text on top of this.
 */
public final class PercentCoding {

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();
  private static final boolean[] SAFE_IN_URL = safeInUrl();

  private PercentCoding() {}

  /**
   * Decodes {@code %XX} escapes and reads the result as UTF-8. {@code +} stays {@code +}: it
   * stands for a space only in HTML form encoding, not in a URL.
   *
   * @throws IllegalArgumentException "invalid percent-encoding" for a {@code %} not followed by two
   *     hex digits, "invalid UTF-8 after percent-decoding" for bytes that are not UTF-8, and
   *     "non-ASCII character that is not percent-encoded" for a raw non-ASCII character, which RFC
   *     3986 does not allow in a URL
   */
  public static String decode(String text) {
    if (text.indexOf('%') < 0 && isAscii(text)) {
      return text;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '%') {
        int high = i + 2 < text.length() ? hexValue(text.charAt(i + 1)) : -1;
        int low = high >= 0 ? hexValue(text.charAt(i + 2)) : -1;
        if (low < 0) {
          throw new IllegalArgumentException("invalid percent-encoding");
        }
        bytes.write(high << 4 | low);
        i += 2;
      } else if (c < 0x80) {
        bytes.write(c);
      } else {
        throw new IllegalArgumentException("non-ASCII character that is not percent-encoded");
      }
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("invalid UTF-8 after percent-decoding", e);
    }
  }

  private static boolean isAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  /** Encodes everything but RFC 3986 unreserved characters, for one path segment. */
  public static String encodePathSegment(String segment) {
    StringBuilder out = new StringBuilder(segment.length() + 16);
    for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (isUnreserved(c)) {
        out.append((char) c);
      } else {
        appendEscape(out, c);
      }
    }
    return out.toString();
  }

  /**
   * Encodes only what may not appear raw in a URL (controls, space, non-ASCII and {@code
   * "<>\^`{|}}), leaving existing escapes and delimiters alone, as browsers and pip do with sloppy
   * links.
   */
  public static String encodeUnsafe(String url) {
    StringBuilder out = null;
    for (int i = 0; i < url.length(); i++) {
      char c = url.charAt(i);
      if (c < SAFE_IN_URL.length && SAFE_IN_URL[c]) {
        if (out != null) {
          out.append(c);
        }
        continue;
      }
      if (out == null) {
        out = new StringBuilder(url.length() + 16).append(url, 0, i);
      }
      int end = Character.isHighSurrogate(c) && i + 1 < url.length() ? i + 2 : i + 1;
      for (byte b : url.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
        appendEscape(out, b & 0xff);
      }
      i = end - 1;
    }
    return out == null ? url : out.toString();
  }

  /**
   * The value of an ASCII hex digit, or -1 ({@link Character#digit} also takes non-ASCII digits).
   */
  public static int hexValue(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  /** Printable ASCII except space and {@code "<>\^`{|}}, indexed by character. */
  private static boolean[] safeInUrl() {
    boolean[] safe = new boolean[0x7f];
    for (char c = 0x21; c < 0x7f; c++) {
      safe[c] = "\"<>\\^`{|}".indexOf(c) < 0;
    }
    return safe;
  }

  private static boolean isUnreserved(int c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '.'
        || c == '_'
        || c == '~';
  }

  private static void appendEscape(StringBuilder out, int b) {
    out.append('%').append(HEX[b >> 4]).append(HEX[b & 0xf]);
  }
}
