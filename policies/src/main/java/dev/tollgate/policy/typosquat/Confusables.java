package dev.tollgate.policy.typosquat;

import com.ibm.icu.text.SpoofChecker;
import java.util.Locale;

/**
 * Reduces a name to its UTS #39 confusable skeleton, so that names which look alike on screen
 * ({@code rеquests} with a Cyrillic {@code е}, {@code rnoment} and {@code moment}, {@code l0dash}
 * and {@code lodash}) share one key.
 */
final class Confusables {

  /** Immutable once built, so one instance serves every thread. */
  private static final SpoofChecker CHECKER = new SpoofChecker.Builder().build();

  private Confusables() {}

  /**
   * The skeleton of {@code name}, lower-cased: skeletons map {@code 0} to {@code O} and {@code 1} to
   * {@code l}, and names are compared case-insensitively.
   */
  static String skeleton(String name) {
    return CHECKER.getSkeleton(name).toLowerCase(Locale.ROOT);
  }
}
