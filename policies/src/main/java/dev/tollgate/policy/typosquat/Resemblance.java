package dev.tollgate.policy.typosquat;

/**
 * One way a candidate can imitate a protected name, together with the index that finds such names
 * by lookups rather than by comparing the candidate with every protected name.
 */
interface Resemblance {

  /** Offers to {@code matches} every protected name that {@code candidate} (normalised) imitates. */
  void collect(String candidate, Matches matches);
}
