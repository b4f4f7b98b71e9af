package dev.tollgate.gateway.policy.edit;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.tollgate.policy.coordinates.Ecosystem;
import dev.tollgate.policy.coordinates.PackageNames;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Adds and removes entries of a policy file by editing its text line by line, never by writing a
 * parsed tree back: comments, blank lines, quoting and the order of entries stay as the team wrote
 * them, and a reviewer's diff shows only the entry that changed.
 */
final class PolicyText {

  private static final Pattern PLAIN = Pattern.compile("[A-Za-z][A-Za-z0-9._/-]*");
  private static final List<String> YAML_WORDS = List.of("true", "false", "yes", "no", "on", "off", "null", "y", "n");
  private static final int DEFAULT_INDENT = 2;

  private PolicyText() {}

  /** {@code text} with {@code entry} appended to {@code list}, the list created if the file lacks it. */
  static String add(String text, String list, NewEntry entry) throws PolicyEditException {
    ListLayout layout = layout(text, list);
    List<String> lines = lines(text);
    switch (layout.style()) {
      case ABSENT -> {
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
          lines.remove(lines.size() - 1);
        }
        lines.add(list + ":");
        lines.addAll(render(entry, DEFAULT_INDENT));
        lines.add("");
      }
      case EMPTY, EMPTY_FLOW -> {
        int keyIndex = layout.keyLine().orElseThrow() - 1;
        lines.set(keyIndex, list + ":" + trailingComment(lines.get(keyIndex)));
        lines.addAll(keyIndex + 1, render(entry, DEFAULT_INDENT));
      }
      case FLOW -> throw flow(list);
      case BLOCK -> {
        ListLayout.Entry last = layout.entries().get(layout.entries().size() - 1);
        int dash = dashIndex(lines, last.line() - 1);
        int indent = indentOf(lines.get(dash));
        lines.addAll(endOfItem(lines, dash, indent), render(entry, indent));
      }
    }
    return String.join("\n", lines);
  }

  /** {@code text} without the entry of {@code list} named {@code name} (compared as the ecosystem normalises names). */
  static String remove(String text, Ecosystem ecosystem, String list, String name) throws PolicyEditException {
    ListLayout layout = layout(text, list);
    if (layout.style() == ListLayout.Style.FLOW) {
      throw flow(list);
    }
    String wanted = PackageNames.normalize(ecosystem, name.trim());
    Optional<ListLayout.Entry> found = layout.entries().stream()
        .filter(e -> PackageNames.normalize(ecosystem, e.name().trim()).equals(wanted))
        .findFirst();
    if (found.isEmpty()) {
      throw new PolicyEditException(PolicyEditException.Kind.NOT_FOUND,
          "the " + list + " list has no entry for '" + name + "'");
    }
    List<String> lines = lines(text);
    int dash = dashIndex(lines, found.get().line() - 1);
    int end = endOfItem(lines, dash, indentOf(lines.get(dash)));
    lines.subList(dash, end).clear();
    return String.join("\n", lines);
  }

  /** Whether {@code list} already has an entry for {@code name}. */
  static boolean contains(String text, Ecosystem ecosystem, String list, String name) throws PolicyEditException {
    String wanted = PackageNames.normalize(ecosystem, name.trim());
    return layout(text, list).entries().stream()
        .anyMatch(e -> PackageNames.normalize(ecosystem, e.name().trim()).equals(wanted));
  }

  private static ListLayout layout(String text, String list) throws PolicyEditException {
    try {
      return ListLayout.of(text, list);
    } catch (IOException e) {
      throw new PolicyEditException(PolicyEditException.Kind.UNEDITABLE,
          "the file in place cannot be edited until it is fixed: " + e.getMessage());
    }
  }

  private static PolicyEditException flow(String list) {
    return new PolicyEditException(PolicyEditException.Kind.UNEDITABLE, "'" + list
        + "' is written as a flow list ([...]); write it one '- name:' entry per line to edit it through the admin API");
  }

  private static List<String> lines(String text) {
    return new ArrayList<>(Arrays.asList(text.split("\n", -1)));
  }

  /** The line of an item's {@code -}: the entry's first line, or the line above when the dash stands alone. */
  private static int dashIndex(List<String> lines, int entryIndex) {
    for (int i = entryIndex; i >= 0; i--) {
      if (lines.get(i).trim().startsWith("-")) {
        return i;
      }
    }
    return entryIndex;
  }

  /** The index just past an item: its lines are those indented deeper than its dash. */
  private static int endOfItem(List<String> lines, int dash, int indent) {
    int end = dash + 1;
    while (end < lines.size() && !lines.get(end).isBlank() && indentOf(lines.get(end)) > indent) {
      end++;
    }
    return end;
  }

  private static int indentOf(String line) {
    int i = 0;
    while (i < line.length() && line.charAt(i) == ' ') {
      i++;
    }
    return i;
  }

  private static String trailingComment(String keyLine) {
    int hash = keyLine.indexOf(" #");
    return hash < 0 ? "" : keyLine.substring(hash);
  }

  private static List<String> render(NewEntry entry, int indent) {
    String dash = " ".repeat(indent) + "- ";
    String field = " ".repeat(indent + 2);
    List<String> lines = new ArrayList<>();
    lines.add(dash + "name: " + scalar(entry.name().trim()));
    entry.version().ifPresent(v -> lines.add(field + "version: " + scalar(v.trim())));
    entry.note().ifPresent(n -> lines.add(field + "note: " + quoted(n)));
    entry.expires().ifPresent(e -> lines.add(field + "expires: " + scalar(e.trim())));
    return lines;
  }

  /** A plain scalar where YAML reads it back as the same string, else a double-quoted one. */
  static String scalar(String value) {
    boolean plain = PLAIN.matcher(value).matches() && !YAML_WORDS.contains(value.toLowerCase(Locale.ROOT));
    boolean date = value.matches("\\d{4}-\\d{2}-\\d{2}");
    return plain || date ? value : quoted(value);
  }

  /** A double-quoted YAML scalar (JSON string escapes are valid YAML double-quoted escapes). */
  private static String quoted(String value) {
    return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(value)) + "\"";
  }
}
