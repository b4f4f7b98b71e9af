package dev.tollgate.adapter.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one configured Jackson mapper of the adapters, so every ecosystem reads upstream JSON with
 * the same safety settings. Duplicate keys are rejected: two parsers that pick different duplicates
 * (the gateway and the client behind it) would otherwise see two different documents. The streaming
 * readers also share how an error names the place in a document that is wrong.
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

  /** Where the parser stands, as a JSON Pointer ({@code /files/3/size}), to name a field. */
  public static String pointer(JsonParser json) {
    return json.getParsingContext().pathAsPointer().toString();
  }

  /**
   * The message for a value of the wrong type at the parser's place: "{@code /files/3/size must be
   * a byte count, found VALUE_STRING at line 12}".
   */
  public static String wrongType(JsonParser json, String wanted) {
    return pointer(json)
        + " must be "
        + wanted
        + ", found "
        + json.currentToken()
        + " at line "
        + json.currentLocation().getLineNr();
  }
}
