package dev.tollgate.policy.version;

import java.util.function.IntPredicate;

/**
 * Trimming by an ecosystem's own idea of whitespace: PEP 440 and node-semver (JavaScript's
 * {@code trim}) each count different characters as blank, and neither matches Java's.
 */
public final class Trimming {

  private Trimming() {}

  /** {@code text} without the leading and trailing characters {@code blank} accepts. */
  public static String strip(String text, IntPredicate blank) {
    int start = 0;
    int end = text.length();
    while (start < end && blank.test(text.charAt(start))) {
      start++;
    }
    while (end > start && blank.test(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(start, end);
  }
}
