package dev.tollgate.gateway.decisions;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Which recent decisions to show: only refusals ({@code deny} and {@code would-deny}), one agent's,
 * one package's (exact name as requested), those since a time.
 */
public record DecisionFilter(boolean refusedOnly, Optional<String> agent, Optional<String> packageName,
    Optional<Instant> since) implements Predicate<RecentDecision> {

  @Override
  public boolean test(RecentDecision d) {
    return (!refusedOnly || d.refused())
        && agent.map(a -> d.agent().map(a::equals).orElse(false)).orElse(true)
        && packageName.map(p -> p.equalsIgnoreCase(d.packageName())).orElse(true)
        && since.map(s -> !d.time().isBefore(s)).orElse(true);
  }
}
