package dev.tollgate.gateway.policy.edit;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where one list ({@code allow} or {@code deny}) of a policy file is written: the line of its key,
 * how its value is written, and the first line and name of each entry. Edits are made on the text at
 * these lines, so everything else in the file (comments, blank lines, order) stays as written.
 */
record ListLayout(Optional<Integer> keyLine, Style style, List<Entry> entries) {

  private static final ObjectMapper YAML = new YAMLMapper();

  /** How the list's value is written. */
  enum Style {
    /** The key is not in the file. */
    ABSENT,
    /** {@code deny:} with no value, {@code ~} or {@code null}. */
    EMPTY,
    /** {@code deny: []}. */
    EMPTY_FLOW,
    /** {@code [ {name: a}, ... ]} on the key's line: not edited, as one entry per line is what gets reviewed. */
    FLOW,
    /** One {@code - name: ...} item after another. */
    BLOCK
  }

  /** An entry of the list: the line its mapping starts on (1-based) and its {@code name} as written. */
  record Entry(int line, String name) {}

  /** Reads the layout of {@code list} in {@code text}; the text must parse as YAML. */
  static ListLayout of(String text, String list) throws IOException {
    try (JsonParser parser = YAML.getFactory().createParser(text)) {
      JsonToken first = parser.nextToken();
      if (first != JsonToken.START_OBJECT) {
        return new ListLayout(Optional.empty(), Style.ABSENT, List.of());
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String key = parser.currentName();
        int keyLine = parser.currentTokenLocation().getLineNr();
        JsonToken value = parser.nextToken();
        if (!list.equals(key)) {
          parser.skipChildren();
          continue;
        }
        return switch (value) {
          case VALUE_NULL -> new ListLayout(Optional.of(keyLine), Style.EMPTY, List.of());
          case START_ARRAY -> array(parser, text, keyLine);
          default -> throw new IOException("'" + list + "' must be a list of entries");
        };
      }
      return new ListLayout(Optional.empty(), Style.ABSENT, List.of());
    }
  }

  private static ListLayout array(JsonParser parser, String text, int keyLine) throws IOException {
    boolean flow = charAt(text, parser.currentTokenLocation().getCharOffset()) == '[';
    List<Entry> entries = new ArrayList<>();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      int line = parser.currentTokenLocation().getLineNr();
      JsonNode item = parser.readValueAsTree();
      entries.add(new Entry(line, item == null ? "" : item.path("name").asText("")));
    }
    Style style = flow ? (entries.isEmpty() ? Style.EMPTY_FLOW : Style.FLOW) : Style.BLOCK;
    return new ListLayout(Optional.of(keyLine), style, entries);
  }

  private static char charAt(String text, long offset) {
    return offset >= 0 && offset < text.length() ? text.charAt((int) offset) : 0;
  }
}
