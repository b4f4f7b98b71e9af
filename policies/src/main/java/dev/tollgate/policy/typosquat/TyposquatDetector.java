package dev.tollgate.policy.typosquat;

import dev.tollgate.policy.coordinates.Ecosystem;
import java.util.Optional;

/** Finds the protected name a candidate imitates. (Placeholder: the indexed detector replaces this.) */
public final class TyposquatDetector {

  private final ProtectedNames names;

  private TyposquatDetector(ProtectedNames names) {
    this.names = names;
  }

  public static TyposquatDetector build(ProtectedNames names) {
    return new TyposquatDetector(names);
  }

  /** The protected name {@code name} imitates, if any; a protected name itself is never flagged. */
  public Optional<TyposquatMatch> check(Ecosystem ecosystem, String name) {
    if (names.isProtected(ecosystem, name)) {
      return Optional.empty();
    }
    return Optional.empty();
  }
}
