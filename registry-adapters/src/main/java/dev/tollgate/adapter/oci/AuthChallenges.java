package dev.tollgate.adapter.oci;

import dev.tollgate.adapter.oci.AuthChallenge.Basic;
import dev.tollgate.adapter.oci.AuthChallenge.Bearer;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Parses {@code WWW-Authenticate} headers (RFC 9110 §11.6.1): one or more challenges per header,
 * each a scheme and comma-separated {@code name=value} parameters, values as tokens or quoted
 * strings. Bearer and Basic challenges are returned; other schemes are skipped. A malformed header
 * is refused rather than half-read, since it decides where the gateway sends credentials.
 */
public final class AuthChallenges {

  private static final String TOKEN_SPECIALS = "!#$%&'*+-.^_`|~";

  private final String header;
  private int position;

  private AuthChallenges(String header) {
    this.header = header;
  }

  /**
   * The Bearer and Basic challenges of all {@code headerValues}, in order.
   *
   * @throws IllegalArgumentException naming what is malformed: bad syntax, a repeated parameter, a
   *     Bearer challenge without an http(s) realm
   */
  public static List<AuthChallenge> parse(List<String> headerValues) {
    List<AuthChallenge> challenges = new ArrayList<>();
    for (String value : headerValues) {
      new AuthChallenges(value).readAll(challenges);
    }
    return challenges;
  }

  /** The challenges of one header value. */
  public static List<AuthChallenge> parse(String headerValue) {
    return parse(List.of(headerValue));
  }

  private void readAll(List<AuthChallenge> challenges) {
    skipSeparators();
    while (position < header.length()) {
      String scheme = token("authentication scheme").toLowerCase(Locale.ROOT);
      Map<String, String> parameters = parameters();
      switch (scheme) {
        case "bearer" -> challenges.add(bearer(parameters));
        case "basic" -> challenges.add(new Basic(Optional.ofNullable(parameters.get("realm"))));
        default -> { }
      }
      skipSeparators();
    }
  }

  /** Parameters up to the next challenge (a token not followed by '=') or the end. */
  private Map<String, String> parameters() {
    Map<String, String> parameters = new LinkedHashMap<>();
    while (true) {
      skipSeparators();
      int start = position;
      if (position >= header.length()) {
        return parameters;
      }
      String name = token("parameter name").toLowerCase(Locale.ROOT);
      skipSpaces();
      if (position >= header.length() || header.charAt(position) != '=') {
        position = start;
        return parameters;
      }
      position++;
      if (isToken68End()) {
        return parameters;
      }
      skipSpaces();
      String value = position < header.length() && header.charAt(position) == '"' ? quoted() : token("value of " + name);
      if (parameters.put(name, value) != null) {
        throw new IllegalArgumentException("WWW-Authenticate: parameter '" + name + "' given twice");
      }
    }
  }

  private static Bearer bearer(Map<String, String> parameters) {
    String realm = parameters.get("realm");
    if (realm == null) {
      throw new IllegalArgumentException("WWW-Authenticate: Bearer challenge without a realm");
    }
    URI uri;
    try {
      uri = new URI(realm);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("WWW-Authenticate: Bearer realm is not a URL", e);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null || uri.getRawFragment() != null) {
      throw new IllegalArgumentException("WWW-Authenticate: Bearer realm must be an http(s) URL with a host");
    }
    List<String> scopes = Optional.ofNullable(parameters.get("scope"))
        .map(s -> Arrays.stream(s.split(" ")).filter(part -> !part.isEmpty()).toList())
        .orElse(List.of());
    return new Bearer(uri, Optional.ofNullable(parameters.get("service")), scopes);
  }

  /**
   * Whether the '=' just read ends a token68 credential ({@code Negotiate abc==}) rather than
   * starting a value: more '=', a ',' or the end follow. Consumes the padding.
   */
  private boolean isToken68End() {
    boolean padding = position < header.length() && header.charAt(position) == '=';
    while (position < header.length() && header.charAt(position) == '=') {
      position++;
    }
    int next = position;
    while (next < header.length() && isSpace(header.charAt(next))) {
      next++;
    }
    return padding || next >= header.length() || header.charAt(next) == ',';
  }

  private String token(String what) {
    int start = position;
    while (position < header.length() && isTokenChar(header.charAt(position))) {
      position++;
    }
    if (position == start) {
      throw new IllegalArgumentException("WWW-Authenticate: expected " + what + " at character " + (start + 1));
    }
    return header.substring(start, position);
  }

  private String quoted() {
    StringBuilder value = new StringBuilder();
    position++;
    while (position < header.length()) {
      char c = header.charAt(position++);
      if (c == '"') {
        return value.toString();
      }
      if (c == '\\' && position < header.length()) {
        c = header.charAt(position++);
      }
      if (c < 0x20 && c != '\t' || c == 0x7f) {
        throw new IllegalArgumentException("WWW-Authenticate: control character in a quoted value");
      }
      value.append(c);
    }
    throw new IllegalArgumentException("WWW-Authenticate: unterminated quoted value");
  }

  private void skipSeparators() {
    while (position < header.length() && (header.charAt(position) == ',' || isSpace(header.charAt(position)))) {
      position++;
    }
  }

  private void skipSpaces() {
    while (position < header.length() && isSpace(header.charAt(position))) {
      position++;
    }
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t';
  }

  private static boolean isTokenChar(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || TOKEN_SPECIALS.indexOf(c) >= 0;
  }
}
