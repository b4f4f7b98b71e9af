package dev.tollgate.adapter.npm;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes one raw path segment strictly, so that the name the gateway checks is exactly the name it
 * later asks upstream for: every {@code %XX} must be two hex digits, the bytes must be UTF-8, and
 * raw non-ASCII characters (not allowed in a URL) are refused rather than guessed at.
 */
final class PathSegmentDecoder {

  private PathSegmentDecoder() {}

  /**
   * The decoded segment.
   *
   * @throws IllegalArgumentException "invalid percent-encoding", "invalid UTF-8 after
   *     percent-decoding" or "non-ASCII character that is not percent-encoded"
   */
  static String decode(String raw) {
    byte[] bytes = new byte[raw.length()];
    int length = 0;
    boolean escaped = false;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c >= 0x80) {
        throw new IllegalArgumentException("non-ASCII character that is not percent-encoded");
      }
      if (c == '%') {
        int high = i + 2 < raw.length() ? hexValue(raw.charAt(i + 1)) : -1;
        int low = high >= 0 ? hexValue(raw.charAt(i + 2)) : -1;
        if (low < 0) {
          throw new IllegalArgumentException("invalid percent-encoding");
        }
        bytes[length++] = (byte) (high << 4 | low);
        escaped = true;
        i += 2;
      } else {
        bytes[length++] = (byte) c;
      }
    }
    return escaped ? utf8(bytes, length) : raw;
  }

  /** The value of an ASCII hex digit, or -1 ({@link Character#digit} also takes other digits). */
  private static int hexValue(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    char lower = (char) (c | 0x20);
    return lower >= 'a' && lower <= 'f' ? lower - 'a' + 10 : -1;
  }

  private static String utf8(byte[] bytes, int length) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, 0, length))
          .toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("invalid UTF-8 after percent-decoding", e);
    }
  }
}
