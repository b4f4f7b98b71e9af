package dev.tollgate.gateway.policy;

import dev.tollgate.policy.engine.PolicyEngine;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The policy engines in force, one per policy set. Requests read an engine once and decide with it
 * throughout, so a reload never splits one request between two policies; a reload swaps every set
 * at once, so sets never mix old and new files.
 */
public final class PolicyHolder {

  /** The set made of {@code policy.directory}; what requests without an agent profile use. */
  public static final String DEFAULT_SET = "default";

  private final AtomicReference<Map<String, PolicyEngine>> sets;

  /** A holder with only the default set. */
  public PolicyHolder(PolicyEngine initial) {
    this(Map.of(DEFAULT_SET, initial));
  }

  /** A holder with the sets in {@code initial}, which must include {@link #DEFAULT_SET}. */
  public PolicyHolder(Map<String, PolicyEngine> initial) {
    this.sets = new AtomicReference<>(checked(initial));
  }

  /** The engine of the default set. */
  public PolicyEngine current() {
    return current(DEFAULT_SET);
  }

  /** The engine in force for {@code setName}; throws naming the known sets when there is no such set. */
  public PolicyEngine current(String setName) {
    PolicyEngine engine = sets.get().get(setName);
    if (engine == null) {
      throw new IllegalArgumentException("no policy set '" + setName + "' (known: " + setNames() + ")");
    }
    return engine;
  }

  /** The names of the sets in force, sorted. */
  public Set<String> setNames() {
    return new TreeSet<>(sets.get().keySet());
  }

  /** Puts new, fully validated engines for every set in force at once. */
  public void replaceAll(Map<String, PolicyEngine> engines) {
    sets.set(checked(engines));
  }

  private static Map<String, PolicyEngine> checked(Map<String, PolicyEngine> engines) {
    if (!engines.containsKey(DEFAULT_SET)) {
      throw new IllegalArgumentException("the policy sets lack '" + DEFAULT_SET + "'");
    }
    return Map.copyOf(engines);
  }
}
