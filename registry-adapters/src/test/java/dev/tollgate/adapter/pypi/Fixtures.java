package dev.tollgate.adapter.pypi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Golden files under {@code src/test/resources/pypi/}, and the page URL they pretend to be from.
 */
final class Fixtures {

  static final String PROJECT = "tg-alpha";
  static final String PAGE_URL = "https://upstream.example.org/simple/tg-alpha/";

  private Fixtures() {}

  static byte[] bytes(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/pypi/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String text(String name) {
    return new String(bytes(name), StandardCharsets.UTF_8);
  }

  /** Parses a fixture as the gateway would, the content type following the file's extension. */
  static SimpleProjectPage page(String name) throws MalformedIndexException {
    String contentType = name.endsWith(".json") ? SimpleFormat.JSON_V1 : "text/html; charset=utf-8";
    return SimpleApiCodec.parseProjectPage(bytes(name), contentType, PAGE_URL, PROJECT);
  }
}
