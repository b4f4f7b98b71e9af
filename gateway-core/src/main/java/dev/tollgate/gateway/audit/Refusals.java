package dev.tollgate.gateway.audit;

import dev.tollgate.policy.decision.Decision;
import dev.tollgate.policy.decision.Rule;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** The sentence a refused client is shown: what was refused, why, what to do, and the decision's id. */
public final class Refusals {

  private Refusals() {}

  public static String message(Decision decision, String id) {
    return "Blocked by policy: " + decision.summary() + " - ask your security team to allow it (ref " + id + ")";
  }

  /**
   * Of the refusals of a package's versions, the one that best tells why nothing can be installed:
   * the newest version the allow-list's range admits (refused for another reason, such as its age or
   * its install scripts), else the newest version. Versions {@code order} cannot read come last.
   */
  public static <V extends Comparable<V>> Optional<Decision> mostTelling(Map<String, Decision> byVersion,
      Function<String, Optional<V>> order) {
    Comparator<Map.Entry<String, Decision>> admittedByRange = Comparator.comparing(
        e -> e.getValue().reasons().stream().noneMatch(r -> r.rule() == Rule.VERSION_NOT_ALLOWED));
    Comparator<Map.Entry<String, Decision>> newest = Comparator.comparing(e -> order.apply(e.getKey()),
        Comparator.comparing((Optional<V> v) -> v.isPresent())
            .thenComparing(v -> v.orElse(null), Comparator.nullsFirst(Comparator.naturalOrder())));
    return byVersion.entrySet().stream()
        .filter(e -> !e.getValue().permits())
        .max(admittedByRange.thenComparing(newest))
        .map(Map.Entry::getValue);
  }
}
