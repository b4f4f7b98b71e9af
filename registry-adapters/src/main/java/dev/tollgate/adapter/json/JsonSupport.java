package dev.tollgate.adapter.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one configured Jackson mapper of the adapters, so every ecosystem reads upstream JSON with
 * the same safety settings. Duplicate keys are rejected: two parsers that pick different duplicates
 * (the gateway and the client behind it) would otherwise see two different documents.
 */
public final class JsonSupport {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder(
              JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
          .build();

  private JsonSupport() {}

  /** The shared mapper; thread-safe, never reconfigure it. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** The shared mapper's factory, for streaming parsers and generators. */
  public static JsonFactory factory() {
    return MAPPER.getFactory();
  }
}
