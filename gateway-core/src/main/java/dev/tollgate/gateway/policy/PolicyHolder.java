package dev.tollgate.gateway.policy;

import dev.tollgate.policy.engine.PolicyEngine;
import dev.tollgate.policy.signature.SignaturePolicy;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The policy in force: the engines, one per policy set, and the image signature policy. Requests
 * read an engine once and decide with it throughout, so a reload never splits one request between
 * two policies; a reload swaps every set and the signature policy at once, so they never mix old and
 * new files.
 */
public final class PolicyHolder {

  /** The set made of {@code policy.directory}; what requests without an agent profile use. */
  public static final String DEFAULT_SET = "default";

  private record InForce(Map<String, PolicyEngine> sets, SignaturePolicy signatures) {}

  private final AtomicReference<InForce> inForce;

  /** A holder with only the default set, and no signature policy. */
  public PolicyHolder(PolicyEngine initial) {
    this(Map.of(DEFAULT_SET, initial), SignaturePolicy.none());
  }

  /** A holder with the sets in {@code initial}, which must include {@link #DEFAULT_SET}, and {@code signatures}. */
  public PolicyHolder(Map<String, PolicyEngine> initial, SignaturePolicy signatures) {
    this.inForce = new AtomicReference<>(new InForce(checked(initial), signatures));
  }

  /** The engine of the default set. */
  public PolicyEngine current() {
    return current(DEFAULT_SET);
  }

  /** The engine in force for {@code setName}; throws naming the known sets when there is no such set. */
  public PolicyEngine current(String setName) {
    PolicyEngine engine = inForce.get().sets().get(setName);
    if (engine == null) {
      throw new IllegalArgumentException("no policy set '" + setName + "' (known: " + setNames() + ")");
    }
    return engine;
  }

  /** The names of the sets in force, sorted. */
  public Set<String> setNames() {
    return new TreeSet<>(inForce.get().sets().keySet());
  }

  /** The image signature policy in force ({@code policy/signatures.yaml} of the default set). */
  public SignaturePolicy signatures() {
    return inForce.get().signatures();
  }

  /** Puts new, fully validated engines for every set, and a new signature policy, in force at once. */
  public void replaceAll(Map<String, PolicyEngine> engines, SignaturePolicy signatures) {
    inForce.set(new InForce(checked(engines), signatures));
  }

  private static Map<String, PolicyEngine> checked(Map<String, PolicyEngine> engines) {
    if (!engines.containsKey(DEFAULT_SET)) {
      throw new IllegalArgumentException("the policy sets lack '" + DEFAULT_SET + "'");
    }
    return Map.copyOf(engines);
  }
}
