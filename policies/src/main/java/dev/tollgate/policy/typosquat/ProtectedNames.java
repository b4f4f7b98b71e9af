package dev.tollgate.policy.typosquat;

import dev.tollgate.policy.coordinates.Ecosystem;
import dev.tollgate.policy.coordinates.PackageNames;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The names a typosquat must not imitate, per ecosystem: popular names plus the allow-list's exact
 * names. Immutable; held in normalised form.
 */
public final class ProtectedNames {

  private final Map<Ecosystem, Set<String>> names;

  private ProtectedNames(Map<Ecosystem, Set<String>> names) {
    this.names = names;
  }

  public static ProtectedNames empty() {
    return new ProtectedNames(new EnumMap<>(Ecosystem.class));
  }

  /** A copy with {@code more} names added to {@code ecosystem}. */
  public ProtectedNames with(Ecosystem ecosystem, Collection<String> more) {
    Map<Ecosystem, Set<String>> copy = new EnumMap<>(Ecosystem.class);
    names.forEach((e, s) -> copy.put(e, new LinkedHashSet<>(s)));
    Set<String> target = copy.computeIfAbsent(ecosystem, e -> new LinkedHashSet<>());
    for (String n : more) {
      target.add(PackageNames.normalize(ecosystem, n));
    }
    Map<Ecosystem, Set<String>> frozen = new EnumMap<>(Ecosystem.class);
    copy.forEach((e, s) -> frozen.put(e, Set.copyOf(s)));
    return new ProtectedNames(frozen);
  }

  /** The normalised protected names of {@code ecosystem}. */
  public Set<String> names(Ecosystem ecosystem) {
    return names.getOrDefault(ecosystem, Set.of());
  }

  public boolean isProtected(Ecosystem ecosystem, String name) {
    return names(ecosystem).contains(PackageNames.normalize(ecosystem, name));
  }
}
