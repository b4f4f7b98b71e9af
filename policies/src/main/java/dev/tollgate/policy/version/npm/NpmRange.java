package dev.tollgate.policy.version.npm;

import dev.tollgate.policy.version.VersionConstraint;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The versions an allow-list entry admits for an npm package, written as {@code package.json}
 * dependencies are: node-semver ranges such as {@code ^1.2.0}, {@code >=1.2.3 <2 || 3.x} or
 * {@code 1.2 - 2.3}. The gateway has to read them exactly as npm does, so that an entry admits the
 * versions its author saw npm resolve, and no others.
 *
 * <p>Grammar, as node-semver 7's: alternatives separated by {@code ||}, each a space-separated list of
 * comparators that must all hold, or a hyphen range {@code A - B}. A comparator is an operator
 * ({@code <}, {@code <=}, {@code >}, {@code >=}, {@code =}, none, tilde {@code ~} or {@code ~>},
 * caret {@code ^}) and a version that may be partial or hold wildcards ({@code 1}, {@code 1.2},
 * {@code 1.x}, {@code 1.2.*}, {@code *}); an empty text admits any version. Whitespace may follow an
 * operator ({@code >= 1.2.3}); build metadata is ignored. {@link #desugared()} shows what a range
 * stands for.
 *
 * <p>Pre-releases follow node-semver's default rule, the one npm uses when it resolves (its {@code
 * includePrerelease} option stays off): a pre-release version is admitted only by an alternative that
 * names a pre-release of the same major.minor.patch, so {@code ^1.2.3-beta.1} admits {@code
 * 1.2.3-beta.2} but neither {@code 1.3.0-beta.1} nor, with {@code ^1.2.3}, {@code 1.2.4-rc.1}.
 *
 * <p>Fail closed: a version node-semver would not parse ({@code semver.valid} is null) is refused.
 * Some texts node-semver accepts only through accidents of its textual rewriting are refused here
 * with an error rather than read its surprising way: a {@code *} inside a version ({@code >=1.2.3*}
 * means {@code >=1.2.3} to node-semver), build metadata standing apart ({@code 1.2.3 +build}), and
 * numbers above 9007199254740991 even where node-semver ignores them ({@code ^1.x.99999999999999999}).
 */
public final class NpmRange implements VersionConstraint {

  private final String text;
  private final List<NpmComparatorSet> alternatives;

  private NpmRange(String text, List<NpmComparatorSet> alternatives) {
    this.text = text;
    this.alternatives = alternatives;
  }

  /**
   * Parses a range as node-semver does with its default options.
   *
   * @throws IllegalArgumentException with a sentence quoting the part that is wrong
   */
  public static NpmRange parse(String text) {
    String trimmed = JsWhitespace.trim(Objects.requireNonNull(text, "text"));
    try {
      return new NpmRange(trimmed, List.copyOf(NpmRangeParser.parse(trimmed)));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "npm version range '" + trimmed + "' is invalid: " + e.getMessage(), e);
    }
  }

  /** Whether {@code version}, as the registry spells it, is a valid npm version this range admits. */
  @Override
  public boolean allows(String version) {
    NpmVersion parsed = NpmVersion.parseOrNull(version);
    return parsed != null && allows(parsed);
  }

  /** Like {@link #allows(String)} for a parsed version. */
  public boolean allows(NpmVersion version) {
    for (NpmComparatorSet alternative : alternatives) {
      if (alternative.allows(version)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The range with every shorthand written out as plain comparators, as node-semver's {@code
   * validRange} prints it: {@code ^1.2} gives {@code >=1.2.0 <2.0.0-0}, {@code 1.x || >=2.5.0 <3}
   * gives {@code >=1.0.0 <2.0.0-0||>=2.5.0 <3.0.0-0}, and a range admitting any version gives
   * {@code *}. Useful to explain a decision.
   */
  public String desugared() {
    String desugared =
        alternatives.stream().map(NpmComparatorSet::toString).collect(Collectors.joining("||"));
    return desugared.isEmpty() ? "*" : desugared;
  }

  /** The range as the policy file writes it, without surrounding whitespace. */
  @Override
  public String text() {
    return text;
  }

  @Override
  public String toString() {
    return text;
  }
}
