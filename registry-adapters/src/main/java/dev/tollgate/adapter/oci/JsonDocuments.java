package dev.tollgate.adapter.oci;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.tollgate.adapter.json.JsonSupport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * The small JSON documents of the OCI mount: upstream ones (manifests, token responses) read
 * strictly, with trailing data refused as well as duplicate keys, and the gateway's own (error
 * bodies, referrers indexes) written.
 */
final class JsonDocuments {

  /** Writes one document's content into a generator. */
  @FunctionalInterface
  interface Content {
    void write(JsonGenerator json) throws IOException;
  }

  private static final ObjectReader STRICT =
      JsonSupport.mapper().reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private JsonDocuments() {}

  /**
   * The one JSON value in {@code bytes}, or {@code null} when there is none.
   *
   * @throws JsonProcessingException for broken JSON, a duplicate key or data after the value
   */
  static JsonNode read(byte[] bytes) throws IOException {
    return STRICT.readTree(bytes);
  }

  /** The UTF-8 bytes of the document {@code content} writes. */
  static byte[] write(Content content) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JsonGenerator json = JsonSupport.factory().createGenerator(bytes)) {
      content.write(json);
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    return bytes.toByteArray();
  }

  /** Writes {@code field} as an object of strings, keys sorted so equal maps give equal bytes. */
  static void writeStrings(JsonGenerator json, String field, Map<String, String> values)
      throws IOException {
    json.writeObjectFieldStart(field);
    for (Map.Entry<String, String> entry : new TreeMap<>(values).entrySet()) {
      json.writeStringField(entry.getKey(), entry.getValue());
    }
    json.writeEndObject();
  }
}
