package dev.tollgate.adapter.npm;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.tollgate.adapter.json.JsonSupport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Golden files under {@code src/test/resources/npm/}, and the gateway they pretend to be behind.
 */
final class Fixtures {

  static final String GATEWAY = "http://gateway.test:8080/npm";

  /** Rewrites every tarball to the gateway's own path for it. */
  static final TarballUrlRewriter VIA_GATEWAY =
      (name, version, upstreamUrl) -> GATEWAY + NpmPaths.tarballPath(name, version);

  /** Reads floats as exact decimals, so a number the filter rounded would not compare equal. */
  private static final ObjectReader EXACT =
      JsonSupport.mapper().reader(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private Fixtures() {}

  static byte[] bytes(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/npm/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode tree(byte[] json) {
    try {
      return EXACT.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode tree(String fixture) {
    return tree(bytes(fixture));
  }

  static byte[] utf8(String json) {
    return json.getBytes(StandardCharsets.UTF_8);
  }
}
