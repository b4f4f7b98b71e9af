package dev.tollgate.policy.version.pep440;

/**
 * One clause of a PEP 440 specifier set, such as {@code >=2.31} or {@code ==1.4.*}. Each operator
 * carries its own small rules (prefix matching, local labels, exclusive bounds that skip the bound's
 * own pre- and post-releases); keeping them here lets the set stay a plain conjunction. The rules
 * follow PEP 440 as the reference implementation {@code packaging} reads it.
 */
final class Pep440Specifier {

  /** The operators PEP 440 defines, longest symbol first so that matching a prefix is unambiguous. */
  enum Operator {
    ARBITRARY("==="),
    COMPATIBLE("~="),
    EQUAL("=="),
    NOT_EQUAL("!="),
    LESS_OR_EQUAL("<="),
    GREATER_OR_EQUAL(">="),
    LESS("<"),
    GREATER(">");

    private final String symbol;

    Operator(String symbol) {
      this.symbol = symbol;
    }

    private static Operator startingWith(String clause) {
      for (Operator operator : values()) {
        if (clause.startsWith(operator.symbol)) {
          return operator;
        }
      }
      return null;
    }

    private boolean isEquality() {
      return this == EQUAL || this == NOT_EQUAL;
    }
  }

  private final Operator operator;
  /** The text after the operator; what {@code ===} compares with. */
  private final String operand;
  /** The operand as a version; {@code null} for {@code ===}. */
  private final Pep440Version version;
  /** The release a candidate must start with: 1.2 for {@code ==1.2.*} and {@code ~=1.2.3}; else null. */
  private final Pep440Version releasePrefix;

  private Pep440Specifier(
      Operator operator, String operand, Pep440Version version, Pep440Version releasePrefix) {
    this.operator = operator;
    this.operand = operand;
    this.version = version;
    this.releasePrefix = releasePrefix;
  }

  /**
   * Parses one clause, already stripped of surrounding whitespace.
   *
   * @throws IllegalArgumentException with a sentence that quotes the clause and says what is wrong
   */
  static Pep440Specifier parse(String clause) {
    Operator operator = Operator.startingWith(clause);
    if (operator == null) {
      throw new IllegalArgumentException(missingOperator(clause));
    }
    String operand = Pep440VersionParser.strip(clause.substring(operator.symbol.length()));
    if (operand.isEmpty()) {
      throw invalid(clause, "there is nothing after " + operator.symbol);
    }
    if (Pep440VersionParser.containsWhitespace(operand)) {
      throw invalid(clause, "'" + operand + "' contains whitespace");
    }
    if (operator == Operator.ARBITRARY) {
      return new Pep440Specifier(operator, operand, null, null);
    }
    boolean wildcard = operand.endsWith(".*");
    String versionText = wildcard ? operand.substring(0, operand.length() - 2) : operand;
    Pep440Version version = Pep440VersionParser.parse(versionText);
    if (version == null) {
      throw invalid(clause, "'" + versionText + "' is not a valid PEP 440 version");
    }
    if (wildcard) {
      if (!operator.isEquality()) {
        throw invalid(clause, "the '.*' prefix match works only with == and !=");
      }
      if (version.isPrerelease() || version.isPostRelease() || version.hasLocal()) {
        throw invalid(clause, "a '.*' prefix may hold only an epoch and release numbers, like ==1.4.*");
      }
      return new Pep440Specifier(operator, operand, version, version);
    }
    if (version.hasLocal() && !operator.isEquality()) {
      throw invalid(clause, "a local version label ('+...') is allowed only with == and !=");
    }
    if (operator == Operator.COMPATIBLE) {
      if (version.releaseLength() < 2) {
        throw invalid(clause, "~= needs at least two release numbers, like ~=1.4");
      }
      return new Pep440Specifier(operator, operand, version, version.releaseWithoutLastNumber());
    }
    return new Pep440Specifier(operator, operand, version, null);
  }

  private static String missingOperator(String clause) {
    if (Pep440VersionParser.parse(clause) != null) {
      return "'" + clause + "' has no operator; write '==" + clause + "' for exactly that version or '>="
          + clause + "' for it and later ones";
    }
    return "'" + clause + "' does not start with one of the operators ~=, ==, !=, <=, >=, <, >, ===";
  }

  private static IllegalArgumentException invalid(String clause, String reason) {
    return new IllegalArgumentException("'" + clause + "' is not a valid specifier: " + reason);
  }

  /**
   * Whether a version as the registry spells it matches; {@code parsed} is that version parsed, or
   * {@code null} when it is no PEP 440 version, which only {@code ===} can match.
   */
  boolean matches(String spelled, Pep440Version parsed) {
    if (operator == Operator.ARBITRARY) {
      return operand.equalsIgnoreCase(spelled);
    }
    return parsed != null && matches(parsed);
  }

  /** Whether {@code candidate} matches; {@code ===} compares its normalised spelling. */
  boolean matches(Pep440Version candidate) {
    return switch (operator) {
      case ARBITRARY -> operand.equalsIgnoreCase(candidate.toString());
      case COMPATIBLE ->
          candidate.publicVersion().compareTo(version) >= 0 && candidate.hasReleasePrefix(releasePrefix);
      case EQUAL -> isEqual(candidate);
      case NOT_EQUAL -> !isEqual(candidate);
      case LESS_OR_EQUAL -> candidate.publicVersion().compareTo(version) <= 0;
      case GREATER_OR_EQUAL -> candidate.publicVersion().compareTo(version) >= 0;
      case LESS -> isBelow(candidate);
      case GREATER -> isAbove(candidate);
    };
  }

  /** Without a local label in the specifier, the candidate's local label is ignored. */
  private boolean isEqual(Pep440Version candidate) {
    if (releasePrefix != null) {
      return candidate.hasReleasePrefix(releasePrefix);
    }
    return version.hasLocal() ? candidate.equals(version) : candidate.publicVersion().equals(version);
  }

  /**
   * {@code <V} must not admit a pre-release of V itself unless V is one: {@code <2.0} refuses
   * {@code 2.0rc1} and {@code 2.0.dev3}, which sort below 2.0 but are not "before 2.0" to a reader.
   */
  private boolean isBelow(Pep440Version candidate) {
    if (candidate.compareTo(version) >= 0) {
      return false;
    }
    return version.isPrerelease()
        || !candidate.isPrerelease()
        || candidate.compareTo(version.earliestDevRelease()) < 0;
  }

  /**
   * {@code >V} must not admit a post-release of V unless V is one ({@code >2.0} refuses
   * {@code 2.0.post1}), nor a local build of V ({@code 2.0+ubuntu.1}).
   */
  private boolean isAbove(Pep440Version candidate) {
    if (candidate.compareTo(version) <= 0) {
      return false;
    }
    if (!version.isPostRelease()
        && candidate.isPostRelease()
        && candidate.postReleaseBase().equals(version)) {
      return false;
    }
    return !(candidate.hasLocal() && candidate.publicVersion().equals(version));
  }
}
