package dev.tollgate.policy.version.npm;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads npm range text into comparator sets, accepting what node-semver accepts and reading it the
 * same way, down to where whitespace may stand. node-semver gets there by rewriting the text with
 * regular expressions; this reads it once, left to right, so parsing time is linear in the text.
 */
final class NpmRangeParser {

  /** What may precede a version in a comparator: node-semver tolerates any run of these. */
  private static final String PREFIX = "v=";
  /** In a hyphen range, node-semver's pattern lets spaces into that run too ({@code v 1 - 2}). */
  private static final String HYPHEN_SIDE_PREFIX = "v= ";

  private NpmRangeParser() {}

  /**
   * The comparator sets {@code text} stands for, simplified as node-semver does.
   *
   * @throws IllegalArgumentException naming the part of the text that is wrong
   */
  static List<NpmComparatorSet> parse(String text) {
    String normalised = JsWhitespace.trimAndCollapse(text);
    List<NpmComparatorSet> sets = new ArrayList<>(1);
    int start = 0;
    while (true) {
      int bar = normalised.indexOf("||", start);
      int end = bar < 0 ? normalised.length() : bar;
      sets.add(parseSet(JsWhitespace.trim(normalised.substring(start, end))));
      if (bar < 0) {
        return simplify(sets);
      }
      start = bar + 2;
    }
  }

  /**
   * node-semver drops alternatives that admit nothing (unless all do), and when one alternative
   * admits every release it keeps only that one: {@code * || >=1.0.0-rc.1} then refuses
   * {@code 1.0.0-rc.2}, which the second alternative alone would admit.
   */
  private static List<NpmComparatorSet> simplify(List<NpmComparatorSet> sets) {
    if (sets.size() == 1) {
      return sets;
    }
    List<NpmComparatorSet> satisfiable = new ArrayList<>(sets.size());
    for (NpmComparatorSet set : sets) {
      if (set.isAny()) {
        return List.of(set);
      }
      if (!set.isNothing()) {
        satisfiable.add(set);
      }
    }
    return satisfiable.isEmpty() ? List.of(sets.get(0)) : satisfiable;
  }

  /** One alternative: a hyphen range, or comparators separated by single spaces. */
  private static NpmComparatorSet parseSet(String alternative) {
    NpmComparatorSet.Builder set = new NpmComparatorSet.Builder();
    if (!readHyphenRange(alternative, set)) {
      SemverCursor cursor = new SemverCursor(alternative);
      while (!cursor.atEnd()) {
        readComparator(alternative, cursor, set);
        cursor.consume(' ');
      }
    }
    return set.build();
  }

  /** Reads {@code alternative} into {@code set} if it has the shape {@code A - B}; else false. */
  private static boolean readHyphenRange(String alternative, NpmComparatorSet.Builder set) {
    SemverCursor cursor = new SemverCursor(alternative);
    NpmOperand from = NpmOperand.read(cursor, HYPHEN_SIDE_PREFIX);
    if (from == null || !cursor.consume(" - ")) {
      return false;
    }
    NpmOperand to = NpmOperand.read(cursor, HYPHEN_SIDE_PREFIX);
    if (to == null || !cursor.atEnd()) {
      return false;
    }
    expand(alternative, () -> {
      checkNumbers(from);
      checkNumbers(to);
      NpmShorthands.hyphen(from, to, set);
    });
    return true;
  }

  private static void readComparator(
      String alternative, SemverCursor cursor, NpmComparatorSet.Builder set) {
    int start = cursor.position();
    String operator = readOperator(cursor);
    NpmOperand operand = NpmOperand.read(cursor, PREFIX);
    if (operand == null || !(cursor.atEnd() || cursor.nextIs(' '))) {
      int space = alternative.indexOf(' ', cursor.position());
      String written = alternative.substring(start, space < 0 ? alternative.length() : space);
      throw new IllegalArgumentException("'" + written + "' is not a comparator: expected an optional"
          + " operator (<, <=, >, >=, =, ~, ^) and a version such as 1.2.3, 1.2, 1.x or *");
    }
    String written = alternative.substring(start, cursor.position());
    expand(written, () -> {
      checkNumbers(operand);
      switch (operator) {
        case "^" -> NpmShorthands.caret(operand, set);
        case "~" -> NpmShorthands.tilde(operand, set);
        default -> NpmShorthands.comparison(NpmComparator.Operator.of(operator), operand, set);
      }
    });
  }

  /**
   * Reads an operator and the whitespace node-semver lets follow it: one space after any operator and
   * between {@code ~} and {@code >}. {@code > =} reads as {@code >=} (and {@code < =} as {@code <=}),
   * and after {@code ^}, {@code ~} or {@code ~>} an {@code =} may stand and be followed by a space.
   */
  private static String readOperator(SemverCursor cursor) {
    if (cursor.consume('^')) {
      cursor.consume(' ');
      cursor.consume("= ");
      return "^";
    }
    if (cursor.consume('~')) {
      cursor.consume(' ');
      if (!cursor.consume('>')) {
        cursor.consume("= ");
      } else if (!cursor.consume("= ")) {
        cursor.consume(' ');
      }
      return "~";
    }
    String operator = cursor.consume('<') ? "<" : cursor.consume('>') ? ">" : "";
    if (cursor.consume('=')) {
      operator += "=";
    }
    if (!operator.isEmpty()) {
      cursor.consume(' ');
      if ((operator.equals("<") || operator.equals(">")) && cursor.consume('=')) {
        operator += "=";
      }
    }
    return operator;
  }

  /** Runs {@code expansion}, naming {@code written} in any error it reports. */
  private static void expand(String written, Runnable expansion) {
    try {
      expansion.run();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + written + "' " + e.getMessage(), e);
    }
  }

  private static void checkNumbers(NpmOperand operand) {
    if (operand.hasTooLargeNumber()) {
      throw new IllegalArgumentException("has a number larger than " + SemverCursor.MAX_SAFE_INTEGER
          + ", the largest node-semver accepts");
    }
  }
}
