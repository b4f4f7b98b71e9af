package dev.tollgate.adapter.url;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PercentCodingTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          ""                   | ""
          requests             | requests
          %66oo                | foo
          tg%2Balpha           | tg+alpha
          a+b                  | a+b
          %2e%2E               | ..
          a%2fb                | a/b
          %7e%7E               | ~~
          %C3%A9t%c3%a9        | été
          %F0%9F%98%80         | 😀
          100%25               | 100%
          """)
  void decodes(String raw, String decoded) {
    assertEquals(decoded, PercentCoding.decode(raw));
  }

  @ParameterizedTest(name = "{0} rejected: {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          a%zz         | invalid percent-encoding
          a%4          | invalid percent-encoding
          a%           | invalid percent-encoding
          %%30%30      | invalid percent-encoding
          %-1          | invalid percent-encoding
          %٣٣          | invalid percent-encoding
          a%c3%28      | invalid UTF-8 after percent-decoding
          a%ff         | invalid UTF-8 after percent-decoding
          %C3          | invalid UTF-8 after percent-decoding
          %ED%A0%80    | invalid UTF-8 after percent-decoding
          é            | non-ASCII character that is not percent-encoded
          %C3%A9é      | non-ASCII character that is not percent-encoded
          é%zz         | non-ASCII character that is not percent-encoded
          %zzé         | invalid percent-encoding
          """)
  void rejectsWhatItCannotDecodeExactly(String raw, String reason) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> PercentCoding.decode(raw));
    assertEquals(reason, e.getMessage());
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          tg-alpha_1.0~rc      | tg-alpha_1.0~rc
          a b/c                | a%20b%2Fc
          tg+alpha-1.0.tar.gz  | tg%2Balpha-1.0.tar.gz
          été                  | %C3%A9t%C3%A9
          100%                 | 100%25
          ""                   | ""
          """)
  void encodesAllButUnreservedInAPathSegment(String segment, String encoded) {
    assertEquals(encoded, PercentCoding.encodePathSegment(segment));
    assertEquals(segment, PercentCoding.decode(encoded));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiterString = "=>",
      textBlock =
          """
          ../files/a-1.0.tar.gz#sha256=ab => ../files/a-1.0.tar.gz#sha256=ab
          /files/a%2Bb.whl?x=1&y=2        => /files/a%2Bb.whl?x=1&y=2
          /files/a b.whl                  => /files/a%20b.whl
          /files/été.whl                  => /files/%C3%A9t%C3%A9.whl
          /files/😀.whl                   => /files/%F0%9F%98%80.whl
          /files/<a>\\"{|}^`.whl          => /files/%3Ca%3E%5C%22%7B%7C%7D%5E%60.whl
          """)
  void encodesOnlyWhatMayNotStandRawInAUrl(String url, String encoded) {
    assertEquals(encoded, PercentCoding.encodeUnsafe(url));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"0, 0", "9, 9", "a, 10", "F, 15", "g, -1", "G, -1", "/, -1", "٣, -1", "' ', -1"})
  void readsOnlyAsciiHexDigits(char c, int value) {
    assertEquals(value, PercentCoding.hexValue(c));
  }
}
