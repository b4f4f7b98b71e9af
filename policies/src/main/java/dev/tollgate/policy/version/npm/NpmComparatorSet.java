package dev.tollgate.policy.version.npm;

import dev.tollgate.policy.version.npm.NpmComparator.Operator;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The comparators of one alternative of an npm range (the text between {@code ||}), which must all
 * hold. A version with a pre-release must also pass node-semver's default pre-release rule: some
 * comparator of the set names a pre-release of the same major.minor.patch. So {@code >=1.2.3-beta.1}
 * admits {@code 1.2.3-beta.2} but not {@code 1.3.0-alpha}: pre-releases are opted into per release.
 */
final class NpmComparatorSet {

  /** The set without comparators: every release, no pre-release. */
  static final NpmComparatorSet ANY = new NpmComparatorSet(new NpmComparator[0]);

  private final NpmComparator[] comparators;

  private NpmComparatorSet(NpmComparator[] comparators) {
    this.comparators = comparators;
  }

  boolean allows(NpmVersion version) {
    for (NpmComparator comparator : comparators) {
      if (!comparator.test(version)) {
        return false;
      }
    }
    if (!version.isPrerelease()) {
      return true;
    }
    for (NpmComparator comparator : comparators) {
      if (comparator.namesPrereleaseOf(version)) {
        return true;
      }
    }
    return false;
  }

  boolean isAny() {
    return comparators.length == 0;
  }

  /** Whether this set is {@code <0.0.0-0}, which admits nothing. */
  boolean isNothing() {
    return comparators.length == 1 && comparators[0].equals(NpmComparator.NOTHING);
  }

  /** The comparators separated by spaces, as node-semver prints a set; empty for any version. */
  @Override
  public String toString() {
    return Arrays.stream(comparators).map(NpmComparator::toString).collect(Collectors.joining(" "));
  }

  /**
   * Collects a set's comparators with node-semver's simplifications, which matter for its pre-release
   * rule and its printed form: duplicates kept once, {@code >=0.0.0} read as "any version", and a
   * set holding {@code <0.0.0-0} reduced to that alone.
   */
  static final class Builder {

    /** In the order first written, as node-semver prints them. */
    private final Set<NpmComparator> comparators = new LinkedHashSet<>();

    /** Adds a bound a shorthand stands for. */
    void add(Operator operator, NpmVersion version) {
      addAsWritten(operator, version, "");
    }

    /**
     * Adds a bound whose version was written out with {@code prefix} ({@code v} or nothing).
     * node-semver recognises {@code >=0.0.0} by its spelling, so {@code >=v0.0.0} stays a bound.
     */
    void addAsWritten(Operator operator, NpmVersion version, String prefix) {
      NpmComparator comparator = new NpmComparator(operator, version);
      if (comparator.isLowerBoundZero() && prefix.isEmpty()) {
        return;
      }
      comparators.add(comparator);
    }

    void addNothing() {
      comparators.add(NpmComparator.NOTHING);
    }

    NpmComparatorSet build() {
      if (comparators.contains(NpmComparator.NOTHING)) {
        return new NpmComparatorSet(new NpmComparator[] {NpmComparator.NOTHING});
      }
      if (comparators.isEmpty()) {
        return ANY;
      }
      return new NpmComparatorSet(comparators.toArray(new NpmComparator[0]));
    }
  }
}
