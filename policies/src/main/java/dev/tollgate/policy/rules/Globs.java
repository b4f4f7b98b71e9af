package dev.tollgate.policy.rules;

import java.util.regex.Pattern;

/** The glob syntax of policy files, one for names and tags: {@code *} any run of characters, {@code ?} one. */
public final class Globs {

  private Globs() {}

  /** Whether {@code text} holds a glob character. */
  public static boolean isGlob(String text) {
    return text.indexOf('*') >= 0 || text.indexOf('?') >= 0;
  }

  /** The pattern that matches what the glob {@code text} matches; every other character stands for itself. */
  public static Pattern compile(String text) {
    StringBuilder regex = new StringBuilder();
    for (char c : text.toCharArray()) {
      switch (c) {
        case '*' -> regex.append(".*");
        case '?' -> regex.append('.');
        default -> regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString());
  }
}
