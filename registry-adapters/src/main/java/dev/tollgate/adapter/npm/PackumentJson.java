package dev.tollgate.adapter.npm;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.tollgate.adapter.json.JsonSupport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * The streaming-JSON groundwork both passes over a packument share: open a parser on the shared
 * strict factory, check the type of a field, and turn Jackson's failures into {@link
 * MalformedPackumentException}s that name the field by JSON Pointer ({@code
 * /versions/1.0.0/dist/integrity}).
 */
final class PackumentJson {

  private PackumentJson() {}

  /** One streaming read of a packument; the parser stands on the top-level object's start. */
  @FunctionalInterface
  interface Reading<T> {
    T read(JsonParser json) throws IOException, MalformedPackumentException;
  }

  /** Reads the value of the field {@code key}, the parser on its first token. */
  @FunctionalInterface
  interface FieldReader {
    void read(String key) throws IOException, MalformedPackumentException;
  }

  /** One streaming rewrite of a packument into a generator. */
  @FunctionalInterface
  interface Writing {
    void write(JsonParser json, JsonGenerator out) throws IOException, MalformedPackumentException;
  }

  /**
   * Runs {@code reading} over {@code packument}, which must be one JSON object; a reading that goes
   * to the object's end also checks that nothing follows it.
   */
  static <T> T read(byte[] packument, Reading<T> reading) throws MalformedPackumentException {
    return parse(packument, true, reading);
  }

  /**
   * Runs {@code writing} from {@code packument} into fresh UTF-8 bytes. Only for bytes that {@link
   * #read} has accepted: duplicate keys are not looked for again, as that check costs more
   * allocation than the rest of the parsing together.
   */
  static byte[] write(byte[] packument, int expectedSize, Writing writing)
      throws MalformedPackumentException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(expectedSize);
    PackumentJson.<Void>parse(
        packument,
        false,
        json -> {
          try (JsonGenerator out = JsonSupport.factory().createGenerator(bytes)) {
            writing.write(json, out);
          }
          return null;
        });
    return bytes.toByteArray();
  }

  private static <T> T parse(byte[] packument, boolean rejectDuplicateKeys, Reading<T> reading)
      throws MalformedPackumentException {
    try (JsonParser json = JsonSupport.factory().createParser(packument)) {
      if (!rejectDuplicateKeys) {
        json.disable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
      }
      if (json.nextToken() != JsonToken.START_OBJECT) {
        throw new MalformedPackumentException("packument is not a JSON object");
      }
      T result = reading.read(json);
      boolean readToTheEnd =
          json.currentToken() == JsonToken.END_OBJECT && json.getParsingContext().inRoot();
      if (readToTheEnd && json.nextToken() != null) {
        throw new MalformedPackumentException("content after the packument's JSON object");
      }
      return result;
    } catch (JsonProcessingException e) {
      throw new MalformedPackumentException(
          "invalid JSON: "
              + e.getOriginalMessage()
              + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()),
          e);
    } catch (IOException e) {
      throw new MalformedPackumentException("cannot read packument: " + e.getMessage(), e);
    }
  }

  /**
   * Reads each field of the object the parser stands on, which must be one ({@code what} says what
   * kind, for the error).
   */
  static void forEachField(JsonParser json, String what, FieldReader field)
      throws IOException, MalformedPackumentException {
    expect(json, JsonToken.START_OBJECT, what);
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String key = json.currentName();
      json.nextToken();
      field.read(key);
    }
  }

  /** The current value as a string; {@code null} counts as absent. */
  static String stringOrNull(JsonParser json) throws IOException, MalformedPackumentException {
    JsonToken token = json.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (token != JsonToken.VALUE_STRING) {
      throw typeError(json, "a string");
    }
    return json.getText();
  }

  static void expect(JsonParser json, JsonToken token, String what)
      throws MalformedPackumentException {
    if (json.currentToken() != token) {
      throw typeError(json, what);
    }
  }

  private static MalformedPackumentException typeError(JsonParser json, String what) {
    return new MalformedPackumentException(JsonSupport.wrongType(json, what));
  }
}
