package dev.tollgate.adapter.pypi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One media type or media range ({@code type/subtype; name=value}) as found in {@code Accept} and
 * {@code Content-Type} headers; type, subtype and parameter names are lower-cased.
 */
record MediaType(String type, String subtype, Map<String, String> parameters) {

  private static final String TOKEN_SYMBOLS = "!#$%&'*+-.^_`|~";

  MediaType {
    parameters = Map.copyOf(parameters);
  }

  /** {@code type/subtype} without parameters. */
  String essence() {
    return type + "/" + subtype;
  }

  /**
   * Parses one media type; empty if it is not {@code token/token} with well-formed parameters. A
   * lone {@code *}, which some HTTP libraries send, is read as {@code *}{@code /*}.
   */
  static Optional<MediaType> parse(String text) {
    List<String> pieces = splitOutsideQuotes(text, ';');
    String essence = pieces.get(0).trim().toLowerCase(Locale.ROOT);
    if (essence.equals("*")) {
      essence = "*/*";
    }
    int slash = essence.indexOf('/');
    if (slash < 0
        || !isToken(essence.substring(0, slash))
        || !isToken(essence.substring(slash + 1))) {
      return Optional.empty();
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    for (String piece : pieces.subList(1, pieces.size())) {
      int equals = piece.indexOf('=');
      if (equals <= 0) {
        return Optional.empty();
      }
      String name = piece.substring(0, equals).trim().toLowerCase(Locale.ROOT);
      parameters.putIfAbsent(name, unquote(piece.substring(equals + 1).trim()));
    }
    return Optional.of(
        new MediaType(essence.substring(0, slash), essence.substring(slash + 1), parameters));
  }

  /** Parses a comma-separated list (one {@code Accept} header line), skipping malformed entries. */
  static List<MediaType> parseList(String header) {
    List<MediaType> types = new ArrayList<>();
    for (String element : splitOutsideQuotes(header, ',')) {
      if (!element.isBlank()) {
        parse(element).ifPresent(types::add);
      }
    }
    return types;
  }

  /** RFC 9110 token: one or more of ASCII letters, digits and {@code !#$%&'*+-.^_`|~}. */
  private static boolean isToken(String text) {
    if (text.isEmpty()) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean alphanumeric =
          (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      if (!alphanumeric && TOKEN_SYMBOLS.indexOf(c) < 0) {
        return false;
      }
    }
    return true;
  }

  private static List<String> splitOutsideQuotes(String text, char separator) {
    List<String> pieces = new ArrayList<>();
    boolean quoted = false;
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == '\\' && quoted) {
        i++;
      } else if (c == separator && !quoted) {
        pieces.add(text.substring(start, i));
        start = i + 1;
      }
    }
    pieces.add(text.substring(start));
    return pieces;
  }

  private static String unquote(String value) {
    if (value.length() < 2 || value.charAt(0) != '"' || value.charAt(value.length() - 1) != '"') {
      return value;
    }
    StringBuilder out = new StringBuilder(value.length());
    for (int i = 1; i < value.length() - 1; i++) {
      char c = value.charAt(i);
      if (c == '\\' && i + 1 < value.length() - 1) {
        c = value.charAt(++i);
      }
      out.append(c);
    }
    return out.toString();
  }
}
