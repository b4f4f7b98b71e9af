package dev.tollgate.gateway.policy;

import dev.tollgate.policy.engine.PolicyEngine;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The policy engine in force. Requests read it once and decide with that engine throughout, so a
 * policy change never splits one request between two policies.
 */
public final class PolicyHolder {

  private final AtomicReference<PolicyEngine> current;

  public PolicyHolder(PolicyEngine initial) {
    this.current = new AtomicReference<>(initial);
  }

  public PolicyEngine current() {
    return current.get();
  }

  /** Puts a new, fully validated engine in force. */
  public void replace(PolicyEngine engine) {
    current.set(engine);
  }
}
