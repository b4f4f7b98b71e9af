package dev.tollgate.adapter.pypi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tollgate.adapter.pypi.Negotiation.Chosen;
import dev.tollgate.adapter.pypi.Negotiation.NotAcceptable;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContentNegotiationTest {

  private static final String JSON = SimpleFormat.JSON_V1;
  private static final String HTML_V1 = SimpleFormat.HTML_V1;
  private static final String TEXT_HTML = SimpleFormat.TEXT_HTML;

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          # pip 23 to 26
          application/vnd.pypi.simple.v1+json, application/vnd.pypi.simple.v1+html; q=0.1, text/html; q=0.01 | application/vnd.pypi.simple.v1+json
          # uv, and PEP 691's recommended client header
          application/vnd.pypi.simple.v1+json, application/vnd.pypi.simple.v1+html;q=0.2, text/html;q=0.01 | application/vnd.pypi.simple.v1+json
          # old pip and other PEP 503 clients
          text/html                                                                  | text/html
          # a browser
          text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,*/*;q=0.8 | text/html
          # curl and requests send */*: legacy clients keep the legacy page
          */*                                                                        | text/html
          # Java's HttpURLConnection default
          text/html, image/gif, image/jpeg, *; q=.2, */*; q=.2                       | text/html
          application/*                                                              | application/vnd.pypi.simple.v1+html
          application/vnd.pypi.simple.v1+html                                        | application/vnd.pypi.simple.v1+html
          APPLICATION/VND.PYPI.SIMPLE.V1+JSON                                        | application/vnd.pypi.simple.v1+json
          application/vnd.pypi.simple.latest+json                                    | application/vnd.pypi.simple.v1+json
          application/vnd.pypi.simple.latest+html                                    | application/vnd.pypi.simple.v1+html
          # a named type beats a wildcard of the same quality
          */*, application/vnd.pypi.simple.v1+json                                   | application/vnd.pypi.simple.v1+json
          # q=0 excludes a type even when a wildcard admits it
          */*, text/html;q=0, application/vnd.pypi.simple.v1+html;q=0                | application/vnd.pypi.simple.v1+json
          text/html;q=0.5, application/vnd.pypi.simple.v1+json;q=0.4                 | text/html
          # malformed entries are skipped, the rest still counts
          text/html;q=2, application/vnd.pypi.simple.v1+json;q=abc, application/vnd.pypi.simple.v1+html;q=0.3 | application/vnd.pypi.simple.v1+html
          `text/html; charset="utf-8, latin1"; q=0.9`                                | text/html
          """)
  void choosesTheClientsBestServedType(String accept, String contentType) {
    Negotiation chosen = ContentNegotiation.negotiate(List.of(accept), Optional.empty());
    assertEquals(contentType, ((Chosen) chosen).contentType());
    assertEquals(
        contentType.endsWith("json") ? SimpleFormat.JSON : SimpleFormat.HTML,
        ((Chosen) chosen).format());
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "application/json",
        "image/png, text/plain",
        "application/vnd.pypi.simple.v2+json",
        "text/html;q=0, application/vnd.pypi.simple.v1+json;q=0,"
            + " application/vnd.pypi.simple.v1+html;q=0",
        "*/*;q=0",
      })
  void refusesWhenNothingServedIsAcceptable(String accept) {
    assertEquals(
        new NotAcceptable(List.of(JSON, HTML_V1, TEXT_HTML)),
        ContentNegotiation.negotiate(List.of(accept), Optional.empty()));
  }

  @Test
  void noAcceptHeaderMeansTheLegacyPage() {
    assertEquals(
        new Chosen(SimpleFormat.HTML, TEXT_HTML),
        ContentNegotiation.negotiate(List.of(), Optional.empty()));
  }

  @Test
  void readsEveryAcceptHeaderLine() {
    assertEquals(
        new Chosen(SimpleFormat.JSON, JSON),
        ContentNegotiation.negotiate(
            List.of("text/html;q=0.01", "application/vnd.pypi.simple.v1+json"), Optional.empty()));
  }

  @ParameterizedTest(name = "format={0}")
  @CsvSource({
    "application/vnd.pypi.simple.v1+json, JSON, application/vnd.pypi.simple.v1+json",
    "application/vnd.pypi.simple.latest+json, JSON, application/vnd.pypi.simple.v1+json",
    "application/vnd.pypi.simple.v1+html, HTML, application/vnd.pypi.simple.v1+html",
    "text/html, HTML, text/html",
  })
  void formatParameterOverridesAccept(String format, SimpleFormat expected, String contentType) {
    assertEquals(
        new Chosen(expected, contentType),
        ContentNegotiation.negotiate(List.of("image/png"), Optional.of(format)));
  }

  @ParameterizedTest(name = "format={0}")
  @CsvSource({"json", "application/json", "'text/html, application/vnd.pypi.simple.v1+json'"})
  void unknownFormatParameterIsNotAcceptable(String format) {
    assertEquals(
        new NotAcceptable(List.of(JSON, HTML_V1, TEXT_HTML)),
        ContentNegotiation.negotiate(List.of("*/*"), Optional.of(format)));
  }

  @Test
  void blankFormatParameterIsIgnored() {
    assertEquals(
        new Chosen(SimpleFormat.JSON, JSON),
        ContentNegotiation.negotiate(List.of(JSON), Optional.of(" ")));
  }
}
