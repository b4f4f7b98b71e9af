package dev.tollgate.policy.typosquat;

import dev.tollgate.policy.coordinates.Ecosystem;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads the small tab-separated text formats of this package (popular-name lists, protected-name
 * files, evaluation input) one way, so that all of them skip comments alike and reject a bad line
 * with its line number.
 */
final class TabSeparatedLines {

  /** What to do with each meaningful line. */
  @FunctionalInterface
  interface LineHandler {
    void handle(Line line) throws IOException;
  }

  /** One line that is neither blank nor a {@code #} comment: its 1-based number and its fields. */
  record Line(int number, List<String> fields) {

    String field(int index) {
      return fields.get(index);
    }

    boolean has(int index) {
      return index < fields.size();
    }

    Ecosystem ecosystem(int index) {
      try {
        return Ecosystem.fromId(field(index));
      } catch (IllegalArgumentException e) {
        throw error(e.getMessage());
      }
    }

    int rank(int index) {
      try {
        int rank = Integer.parseInt(field(index));
        if (rank >= 1) {
          return rank;
        }
      } catch (NumberFormatException e) {
        // reported below, with the line number
      }
      throw error("rank '" + field(index) + "' is not a whole number of 1 or more");
    }

    IllegalArgumentException error(String message) {
      return new IllegalArgumentException("line " + number + ": " + message);
    }
  }

  private TabSeparatedLines() {}

  /**
   * Hands each meaningful line of {@code reader} to {@code handler}, after checking that it has
   * between {@code minFields} and {@code maxFields} non-empty fields.
   */
  static void read(Reader reader, int minFields, int maxFields, LineHandler handler)
      throws IOException {
    BufferedReader lines = new BufferedReader(reader);
    int number = 0;
    for (String text = lines.readLine(); text != null; text = lines.readLine()) {
      number++;
      String content = number == 1 ? withoutByteOrderMark(text) : text;
      if (content.isBlank() || content.strip().startsWith("#")) {
        continue;
      }
      Line line = new Line(number, Stream.of(content.split("\t", -1)).map(String::strip).toList());
      checkShape(line, minFields, maxFields);
      handler.handle(line);
    }
  }

  private static void checkShape(Line line, int minFields, int maxFields) {
    int count = line.fields().size();
    if (count < minFields || count > maxFields) {
      String expected = minFields == maxFields ? "" + minFields : minFields + " to " + maxFields;
      throw line.error("expected " + expected + " tab-separated fields, found " + count);
    }
    for (int i = 0; i < count; i++) {
      String field = line.field(i);
      if (field.isEmpty() || field.chars().anyMatch(Character::isWhitespace)) {
        throw line.error("field " + (i + 1) + " is empty or contains spaces");
      }
    }
  }

  private static String withoutByteOrderMark(String text) {
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }
}
