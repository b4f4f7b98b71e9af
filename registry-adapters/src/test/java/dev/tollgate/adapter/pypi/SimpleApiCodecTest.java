package dev.tollgate.adapter.pypi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tollgate.adapter.pypi.Negotiation.Chosen;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SimpleApiCodecTest {

  private static final byte[] HTML =
      "<a href='/f/tg-alpha-1.0.tar.gz'>tg-alpha-1.0.tar.gz</a>".getBytes(StandardCharsets.UTF_8);
  private static final byte[] JSON =
      """
      {"files": [{"filename": "tg-alpha-1.0.tar.gz", "url": "/f/tg-alpha-1.0.tar.gz", "hashes": {}}]}
      """
          .getBytes(StandardCharsets.UTF_8);

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "text/html                                    | html",
        "text/html; charset=utf-8                     | html",
        "TEXT/HTML;CHARSET=UTF-8                      | html",
        "application/vnd.pypi.simple.v1+html          | html",
        "application/vnd.pypi.simple.v1+json          | json",
        "application/vnd.pypi.simple.v1+json; charset=utf-8 | json",
      })
  void theContentTypeDecidesTheFormat(String contentType, String body)
      throws MalformedIndexException {
    SimpleProjectPage page =
        SimpleApiCodec.parseProjectPage(
            body.equals("json") ? JSON : HTML, contentType, Fixtures.PAGE_URL, Fixtures.PROJECT);

    assertEquals(
        List.of("tg-alpha-1.0.tar.gz"),
        page.files().stream().map(DistributionFile::filename).toList());
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      nullValues = "NULL",
      textBlock =
          """
          application/json                    | upstream answered with application/json, not a simple API type (application/vnd.pypi.simple.v1+json, application/vnd.pypi.simple.v1+html, text/html)
          application/vnd.pypi.simple.v2+json | upstream answered with application/vnd.pypi.simple.v2+json, not a simple API type (application/vnd.pypi.simple.v1+json, application/vnd.pypi.simple.v1+html, text/html)
          ''                                  | upstream sent no usable Content-Type: ''
          NULL                                | upstream sent no usable Content-Type: 'null'
          text/html; charset=no-such-charset  | unsupported charset 'no-such-charset'
          """)
  void refusesWhatIsNotASimpleApiPage(String contentType, String message) {
    MalformedIndexException e =
        assertThrows(
            MalformedIndexException.class,
            () ->
                SimpleApiCodec.parseProjectPage(
                    HTML, contentType, Fixtures.PAGE_URL, Fixtures.PROJECT));
    assertEquals(message, e.getMessage());
  }

  @Test
  void asksUpstreamForJsonFirst() {
    assertEquals(
        new Chosen(SimpleFormat.JSON, SimpleFormat.JSON_V1),
        ContentNegotiation.negotiate(List.of(SimpleApiCodec.UPSTREAM_ACCEPT), Optional.empty()));
  }

  @Test
  void readsLargePagesInFull() throws MalformedIndexException {
    int count = 10_000;
    StringBuilder html = new StringBuilder("<!DOCTYPE html><html><body>\n");
    for (int i = 0; i < count; i++) {
      html.append("<a href=\"/f/tg_alpha-1.0.")
          .append(i)
          .append("-py3-none-any.whl#sha256=ab\" data-requires-python=\"&gt;=3.8\">x</a><br/>\n");
    }
    html.append("</body></html>");

    SimpleProjectPage page =
        SimpleApiCodec.parseProjectPage(
            html.toString().getBytes(StandardCharsets.UTF_8),
            "text/html",
            Fixtures.PAGE_URL,
            Fixtures.PROJECT);
    SimpleProjectPage fromJson =
        SimpleApiCodec.parseProjectPage(
            SimpleApiCodec.writeProjectPage(page, SimpleFormat.JSON, DistributionFile::url),
            SimpleFormat.JSON_V1,
            Fixtures.PAGE_URL,
            Fixtures.PROJECT);

    assertEquals(count, page.files().size());
    assertEquals(count, fromJson.fileVersions().size());
    assertEquals(Optional.of("1.0." + (count - 1)), page.versionOf(page.files().get(count - 1)));
  }
}
