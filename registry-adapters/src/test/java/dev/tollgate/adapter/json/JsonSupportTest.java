package dev.tollgate.adapter.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonSupportTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          {"files": [{"size": "12"}]}          | /files/0/size must be a byte count, found VALUE_STRING at line 1
          {\\n "time": {"1.0": 7}}              | /time/1.0 must be a byte count, found VALUE_NUMBER_INT at line 2
          {"a/b": {"~x": null}}                | /a~1b/~0x must be a byte count, found VALUE_NULL at line 1
          """)
  void namesTheWrongValueByPointerAndLine(String document, String message) throws IOException {
    try (JsonParser json = JsonSupport.factory().createParser(document.translateEscapes())) {
      JsonToken token = json.nextToken();
      while (token.isStructStart() || token == JsonToken.FIELD_NAME) {
        token = json.nextToken();
      }
      assertEquals(message, JsonSupport.wrongType(json, "a byte count"));
    }
  }
}
