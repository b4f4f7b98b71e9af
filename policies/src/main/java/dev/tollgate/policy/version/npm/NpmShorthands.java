package dev.tollgate.policy.version.npm;

import dev.tollgate.policy.version.npm.NpmComparator.Operator;
import dev.tollgate.policy.version.npm.NpmComparatorSet.Builder;

/**
 * The plain comparators each npm range shorthand stands for, rule by rule as node-semver 7 expands
 * them with its default options. Upper bounds end in {@code -0} so that no pre-release of the next
 * release slips under them. The rules throw {@link IllegalArgumentException} with the reason only;
 * the parser adds which comparator it was.
 */
final class NpmShorthands {

  private NpmShorthands() {}

  /**
   * Caret: changes that do not modify the left-most non-zero part. {@code ^1.2.3} is {@code >=1.2.3
   * <2.0.0-0}, {@code ^0.2.3} is {@code >=0.2.3 <0.3.0-0}, {@code ^0.0.3} is {@code >=0.0.3
   * <0.0.4-0}; with wildcards, {@code ^1.2.x} is {@code >=1.2.0 <2.0.0-0}, {@code ^0.0.x} and
   * {@code ^0.0} are {@code >=0.0.0 <0.1.0-0}, {@code ^1.x} is {@code >=1.0.0 <2.0.0-0}, {@code ^*}
   * any. A number after a wildcard is ignored ({@code ^1.x.3} is {@code ^1}).
   */
  static void caret(NpmOperand operand, Builder set) {
    long major = operand.major();
    long minor = operand.minor();
    switch (operand.leadingNumbers()) {
      case 0 -> { }
      case 1 -> sameMajor(major, set);
      case 2 -> {
        set.add(Operator.GREATER_OR_EQUAL, NpmVersion.release(major, minor, 0));
        set.add(Operator.LESS, major == 0 ? belowMinor(0, next(minor)) : belowMajor(next(major)));
      }
      default -> {
        set.add(Operator.GREATER_OR_EQUAL, operand.version());
        NpmVersion upper;
        if (major != 0) {
          upper = belowMajor(next(major));
        } else if (minor != 0) {
          upper = belowMinor(0, next(minor));
        } else {
          upper = NpmVersion.lowestPrerelease(0, 0, next(operand.patch()));
        }
        set.add(Operator.LESS, upper);
      }
    }
  }

  /**
   * Tilde: patch-level changes, or minor-level ones when no minor is given. {@code ~1.2.3} is
   * {@code >=1.2.3 <1.3.0-0}, {@code ~1.2} is {@code >=1.2.0 <1.3.0-0}, {@code ~1} is {@code >=1.0.0
   * <2.0.0-0}, {@code ~*} any; {@code ~>} is the same operator.
   */
  static void tilde(NpmOperand operand, Builder set) {
    long major = operand.major();
    long minor = operand.minor();
    switch (operand.leadingNumbers()) {
      case 0 -> { }
      case 1 -> sameMajor(major, set);
      case 2 -> sameMinor(major, minor, set);
      default -> {
        set.add(Operator.GREATER_OR_EQUAL, operand.version());
        set.add(Operator.LESS, belowMinor(major, next(minor)));
      }
    }
  }

  /**
   * A comparison operator ({@code <}, {@code <=}, {@code >}, {@code >=}, {@code =} or none) with a
   * version that may be partial. A full version is taken as written. A partial one is an X-range:
   * {@code 1.2.x} and {@code 1.2} are {@code >=1.2.0 <1.3.0-0}, {@code *} any; with an operator,
   * {@code >1.2} is {@code >=1.3.0}, {@code <=1.2} is {@code <1.3.0-0}, {@code <1.2} is {@code
   * <1.2.0-0}, {@code >=1.2} is {@code >=1.2.0}, and {@code >*} and {@code <*} admit nothing.
   */
  static void comparison(Operator operator, NpmOperand operand, Builder set) {
    int numbers = operand.leadingNumbers();
    if (numbers == 3) {
      set.addAsWritten(operator, writtenVersion(operand), operand.prefix());
      return;
    }
    if (!operand.hasWildcardsLast()) {
      throw new IllegalArgumentException("has a number after a wildcard (x, X or *)");
    }
    if (numbers == 0) {
      if (operator == Operator.LESS || operator == Operator.GREATER) {
        set.addNothing();
      }
      return;
    }
    long major = operand.major();
    long minor = numbers == 1 ? 0 : operand.minor();
    switch (operator) {
      case EQUAL -> {
        if (numbers == 1) {
          sameMajor(major, set);
        } else {
          sameMinor(major, minor, set);
        }
      }
      case GREATER_OR_EQUAL -> set.add(Operator.GREATER_OR_EQUAL, NpmVersion.release(major, minor, 0));
      case GREATER -> set.add(Operator.GREATER_OR_EQUAL, numbers == 1
          ? NpmVersion.release(next(major), 0, 0)
          : NpmVersion.release(major, next(minor), 0));
      case LESS -> set.add(Operator.LESS, belowMinor(major, minor));
      case LESS_OR_EQUAL -> set.add(Operator.LESS,
          numbers == 1 ? belowMajor(next(major)) : belowMinor(major, next(minor)));
    }
  }

  /**
   * Hyphen range: inclusive on both ends, a partial end widened to cover what it names. {@code
   * 1.2.3 - 2.3.4} is {@code >=1.2.3 <=2.3.4}, {@code 1.2 - 2.3} is {@code >=1.2.0 <2.4.0-0},
   * {@code 1 - 2} is {@code >=1.0.0 <3.0.0-0}; a wildcard end leaves that side open.
   */
  static void hyphen(NpmOperand from, NpmOperand to, Builder set) {
    switch (from.leadingNumbers()) {
      case 0 -> { }
      case 1 -> set.add(Operator.GREATER_OR_EQUAL, NpmVersion.release(from.major(), 0, 0));
      case 2 -> set.add(Operator.GREATER_OR_EQUAL, NpmVersion.release(from.major(), from.minor(), 0));
      default -> set.addAsWritten(Operator.GREATER_OR_EQUAL, writtenVersion(from), from.prefix());
    }
    switch (to.leadingNumbers()) {
      case 0 -> { }
      case 1 -> set.add(Operator.LESS, belowMajor(next(to.major())));
      case 2 -> set.add(Operator.LESS, belowMinor(to.major(), next(to.minor())));
      default -> set.add(Operator.LESS_OR_EQUAL, to.hasPrerelease() ? to.version() : writtenVersion(to));
    }
  }

  /** {@code >=M.0.0 <M+1.0.0-0}. */
  private static void sameMajor(long major, Builder set) {
    set.add(Operator.GREATER_OR_EQUAL, NpmVersion.release(major, 0, 0));
    set.add(Operator.LESS, belowMajor(next(major)));
  }

  /** {@code >=M.m.0 <M.m+1.0-0}. */
  private static void sameMinor(long major, long minor, Builder set) {
    set.add(Operator.GREATER_OR_EQUAL, NpmVersion.release(major, minor, 0));
    set.add(Operator.LESS, belowMinor(major, next(minor)));
  }

  private static NpmVersion belowMajor(long major) {
    return NpmVersion.lowestPrerelease(major, 0, 0);
  }

  private static NpmVersion belowMinor(long major, long minor) {
    return NpmVersion.lowestPrerelease(major, minor, 0);
  }

  private static long next(long number) {
    if (number >= SemverCursor.MAX_SAFE_INTEGER) {
      throw new IllegalArgumentException("needs a number above " + SemverCursor.MAX_SAFE_INTEGER
          + ", the largest node-semver accepts");
    }
    return number + 1;
  }

  /**
   * A full version node-semver keeps as text: only a single {@code v} may precede it then, and the
   * {@code v} counts towards the length limit.
   */
  private static NpmVersion writtenVersion(NpmOperand operand) {
    if (!operand.prefix().isEmpty() && !operand.prefix().equals("v")) {
      throw new IllegalArgumentException(
          "has '" + operand.prefix() + "' before a full version, where only a single 'v' may stand");
    }
    NpmVersion version = operand.version();
    if (operand.prefix().length() + version.toString().length() > NpmVersion.MAX_LENGTH) {
      throw new IllegalArgumentException(
          "has a version longer than " + NpmVersion.MAX_LENGTH + " characters");
    }
    return version;
  }
}
