package dev.tollgate.gateway.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The line each field of a YAML file is written on ({@code server.port} → 3), so that a value found
 * invalid after binding can still be reported at its line.
 */
public final class YamlFieldLines {

  private static final YAMLFactory YAML = new YAMLFactory();
  private static final int NOT_A_LIST = -1;

  private final Map<String, Integer> lines;

  private YamlFieldLines(Map<String, Integer> lines) {
    this.lines = lines;
  }

  /** Indexes {@code file}; a file that cannot be read or parsed yields an empty index. */
  public static YamlFieldLines of(Path file) {
    Map<String, Integer> lines = new HashMap<>();
    try (JsonParser parser = YAML.createParser(file.toFile())) {
      Deque<String> path = new ArrayDeque<>();
      Deque<int[]> arrayIndex = new ArrayDeque<>();
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        switch (token) {
          case FIELD_NAME -> {
            String parent = path.isEmpty() || path.peek().isEmpty() ? "" : path.peek() + ".";
            lines.putIfAbsent(parent + parser.currentName(), parser.currentTokenLocation().getLineNr());
          }
          case START_OBJECT, START_ARRAY -> {
            String here = currentPath(parser, path, arrayIndex);
            lines.putIfAbsent(here, parser.currentTokenLocation().getLineNr());
            path.push(here);
            arrayIndex.push(new int[] {token == JsonToken.START_ARRAY ? 0 : NOT_A_LIST});
          }
          case END_OBJECT, END_ARRAY -> {
            path.pop();
            arrayIndex.pop();
            advance(arrayIndex);
          }
          default -> advance(arrayIndex);
        }
      }
    } catch (IOException e) {
      return new YamlFieldLines(lines);
    }
    return new YamlFieldLines(lines);
  }

  private static String currentPath(JsonParser parser, Deque<String> path, Deque<int[]> arrayIndex)
      throws IOException {
    String parent = path.isEmpty() ? "" : path.peek();
    if (!arrayIndex.isEmpty() && arrayIndex.peek()[0] != NOT_A_LIST) {
      return parent + "[" + arrayIndex.peek()[0] + "]";
    }
    String name = parser.currentName();
    if (name == null) {
      return parent;
    }
    return parent.isEmpty() ? name : parent + "." + name;
  }

  private static void advance(Deque<int[]> arrayIndex) {
    if (!arrayIndex.isEmpty() && arrayIndex.peek()[0] != NOT_A_LIST) {
      arrayIndex.peek()[0]++;
    }
  }

  /** The line of {@code field} (dotted path), if it is written in the file. */
  public Optional<Integer> line(String field) {
    return Optional.ofNullable(lines.get(field));
  }

  /**
   * The line of {@code field}, or of the nearest enclosing field that is written (a missing
   * {@code npm.private.upstream} is reported where {@code npm.private} is).
   */
  public Optional<Integer> nearestLine(String field) {
    for (String path = field; !path.isEmpty(); path = enclosing(path)) {
      Integer line = lines.get(path);
      if (line != null) {
        return Optional.of(line);
      }
    }
    return Optional.empty();
  }

  /** {@code a.b[2]} → {@code a.b}, {@code a.b} → {@code a}, {@code a} → "". */
  private static String enclosing(String path) {
    if (path.endsWith("]")) {
      return path.substring(0, path.lastIndexOf('['));
    }
    return path.contains(".") ? path.substring(0, path.lastIndexOf('.')) : "";
  }
}
