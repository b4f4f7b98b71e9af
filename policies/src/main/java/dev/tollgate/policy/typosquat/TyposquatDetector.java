package dev.tollgate.policy.typosquat;

import dev.tollgate.policy.coordinates.Ecosystem;
import dev.tollgate.policy.coordinates.PackageNames;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the protected name a requested package imitates, so that a typo or a look-alike never
 * reaches a client as if it were the popular package. Built once per policy from indexes over the
 * protected names, so a check costs a few dozen hash lookups whatever the number of names.
 * Immutable and safe to share between threads.
 */
public final class TyposquatDetector {

  private final Map<Ecosystem, EcosystemIndex> indexes;

  private TyposquatDetector(Map<Ecosystem, EcosystemIndex> indexes) {
    this.indexes = indexes;
  }

  public static TyposquatDetector build(ProtectedNames names) {
    Map<Ecosystem, EcosystemIndex> indexes = new EnumMap<>(Ecosystem.class);
    for (Ecosystem ecosystem : Ecosystem.values()) {
      indexes.put(ecosystem, EcosystemIndex.build(ecosystem, names.ranksOf(ecosystem)));
    }
    return new TyposquatDetector(indexes);
  }

  /**
   * The protected name {@code rawName} imitates, if any: the most popular one when several match.
   * A protected name itself is never flagged.
   */
  public Optional<TyposquatMatch> check(Ecosystem ecosystem, String rawName) {
    return indexes.get(ecosystem).check(PackageNames.normalize(ecosystem, rawName.strip()));
  }
}
