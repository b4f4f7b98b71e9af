package dev.tollgate.adapter.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class UpstreamTextTest {

  static Stream<Arguments> quotes() {
    return Stream.of(
        arguments("", "''"),
        arguments("1.0", "'1.0'"),
        arguments("été", "'été'"),
        arguments("a\u001b[31mred\r\nb\u0085", "'a?[31mred??b?'"),
        arguments("x".repeat(80), "'" + "x".repeat(80) + "'"),
        arguments("x".repeat(81), "'" + "x".repeat(77) + "...'"),
        arguments("y".repeat(10_000), "'" + "y".repeat(77) + "...'"));
  }

  @ParameterizedTest(name = "[{index}] -> {1}")
  @MethodSource("quotes")
  void quotesShortAndWithoutControlCharacters(String text, String quoted) {
    assertEquals(quoted, UpstreamText.quote(text));
  }
}
