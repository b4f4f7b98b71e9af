package dev.tollgate.policy.version.npm;

/**
 * One bound such as {@code >=1.2.3} or {@code <2.0.0-0}: what every npm range shorthand comes down to.
 * Testing a version against a range is then only comparisons with versions parsed once.
 */
final class NpmComparator {

  /** The operators left once shorthands are written out; {@code =} prints as nothing. */
  enum Operator {
    LESS("<"),
    LESS_OR_EQUAL("<="),
    GREATER(">"),
    GREATER_OR_EQUAL(">="),
    EQUAL("");

    private final String symbol;

    Operator(String symbol) {
      this.symbol = symbol;
    }

    /** The operator {@code symbol} ({@code <}, {@code <=}, {@code >}, {@code >=}, {@code =} or none). */
    static Operator of(String symbol) {
      for (Operator operator : values()) {
        if (operator.symbol.equals(symbol)) {
          return operator;
        }
      }
      if (symbol.equals("=")) {
        return EQUAL;
      }
      throw new IllegalArgumentException("'" + symbol + "' is not a comparison operator");
    }
  }

  /** {@code <0.0.0-0}: no version is below it, so a set holding it admits nothing. */
  static final NpmComparator NOTHING =
      new NpmComparator(Operator.LESS, NpmVersion.lowestPrerelease(0, 0, 0));

  private final Operator operator;
  private final NpmVersion version;

  NpmComparator(Operator operator, NpmVersion version) {
    this.operator = operator;
    this.version = version;
  }

  boolean test(NpmVersion candidate) {
    int order = candidate.compareTo(version);
    return switch (operator) {
      case LESS -> order < 0;
      case LESS_OR_EQUAL -> order <= 0;
      case GREATER -> order > 0;
      case GREATER_OR_EQUAL -> order >= 0;
      case EQUAL -> order == 0;
    };
  }

  /**
   * Whether this bound names a pre-release of {@code candidate}'s release: what lets a pre-release
   * into a comparator set under node-semver's default rule.
   */
  boolean namesPrereleaseOf(NpmVersion candidate) {
    return version.isPrerelease() && version.hasSameRelease(candidate);
  }

  boolean isLowerBoundZero() {
    return operator == Operator.GREATER_OR_EQUAL && version.equals(NpmVersion.release(0, 0, 0));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof NpmComparator comparator
        && operator == comparator.operator
        && version.equals(comparator.version);
  }

  @Override
  public int hashCode() {
    return 31 * operator.hashCode() + version.hashCode();
  }

  @Override
  public String toString() {
    return operator.symbol + version;
  }
}
