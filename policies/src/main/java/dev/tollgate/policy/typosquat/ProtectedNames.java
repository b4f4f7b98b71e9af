package dev.tollgate.policy.typosquat;

import dev.tollgate.policy.coordinates.Ecosystem;
import dev.tollgate.policy.coordinates.PackageNames;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The names a typosquat must not imitate, per ecosystem: popular names plus the allow-list's exact
 * names. A name may carry its popularity rank (1 = most popular) so that, when a candidate resembles
 * several names, the detector can name the one an attacker most likely aimed at. Immutable; held in
 * normalised form.
 */
public final class ProtectedNames {

  /** The rank of a name added without one: after every ranked name. */
  static final int UNRANKED = Integer.MAX_VALUE;

  private final Map<Ecosystem, Map<String, Integer>> ranks;

  private ProtectedNames(Map<Ecosystem, Map<String, Integer>> ranks) {
    this.ranks = ranks;
  }

  public static ProtectedNames empty() {
    return new ProtectedNames(new EnumMap<>(Ecosystem.class));
  }

  /** A builder for many names at once; {@link #with} copies the whole set on every call. */
  public static Builder builder() {
    return new Builder();
  }

  /** A copy with {@code more} names added to {@code ecosystem}, without a rank. */
  public ProtectedNames with(Ecosystem ecosystem, Collection<String> more) {
    Builder builder = builder().addAll(this);
    for (String name : more) {
      builder.add(ecosystem, name);
    }
    return builder.build();
  }

  /** The names of both sets; a name in both keeps the better rank. */
  public ProtectedNames plus(ProtectedNames other) {
    return builder().addAll(this).addAll(other).build();
  }

  /** The normalised protected names of {@code ecosystem}. */
  public Set<String> names(Ecosystem ecosystem) {
    return ranksOf(ecosystem).keySet();
  }

  public boolean isProtected(Ecosystem ecosystem, String name) {
    return ranksOf(ecosystem).containsKey(PackageNames.normalize(ecosystem, name));
  }

  /** The popularity rank of {@code name} (1 = most popular); empty if unprotected or unranked. */
  public OptionalInt rank(Ecosystem ecosystem, String name) {
    Integer rank = ranksOf(ecosystem).get(PackageNames.normalize(ecosystem, name));
    return rank == null || rank == UNRANKED ? OptionalInt.empty() : OptionalInt.of(rank);
  }

  /** Each normalised name of {@code ecosystem} with its rank, {@link #UNRANKED} for none. */
  Map<String, Integer> ranksOf(Ecosystem ecosystem) {
    return ranks.getOrDefault(ecosystem, Map.of());
  }

  /** Collects names and ranks; a name added twice keeps its better rank. */
  public static final class Builder {

    private final Map<Ecosystem, Map<String, Integer>> ranks = new EnumMap<>(Ecosystem.class);

    private Builder() {}

    /** Adds {@code name} without a rank. */
    public Builder add(Ecosystem ecosystem, String name) {
      return put(ecosystem, name, UNRANKED);
    }

    /** Adds {@code name} with its popularity rank, 1 for the most popular. */
    public Builder add(Ecosystem ecosystem, String name, int rank) {
      if (rank < 1) {
        throw new IllegalArgumentException("rank must be 1 or more, was " + rank + " for '" + name + "'");
      }
      return put(ecosystem, name, rank);
    }

    /** Adds every name of {@code names} with its rank. */
    public Builder addAll(ProtectedNames names) {
      names.ranks.forEach((ecosystem, byName) -> byName.forEach((n, r) -> put(ecosystem, n, r)));
      return this;
    }

    public ProtectedNames build() {
      Map<Ecosystem, Map<String, Integer>> frozen = new EnumMap<>(Ecosystem.class);
      ranks.forEach((ecosystem, byName) -> frozen.put(ecosystem, Map.copyOf(byName)));
      return new ProtectedNames(frozen);
    }

    private Builder put(Ecosystem ecosystem, String name, int rank) {
      if (name.isBlank()) {
        throw new IllegalArgumentException("a protected name must not be blank");
      }
      ranks
          .computeIfAbsent(ecosystem, e -> new HashMap<>())
          .merge(PackageNames.normalize(ecosystem, name.strip()), rank, Math::min);
      return this;
    }
  }
}
