package dev.tollgate.gateway.audit;

import dev.tollgate.policy.decision.Decision;

/** The sentence a refused client is shown: what was refused, why, what to do, and the decision's id. */
public final class Refusals {

  private Refusals() {}

  public static String message(Decision decision, String id) {
    return "Blocked by policy: " + decision.summary() + " - ask your security team to allow it (ref " + id + ")";
  }
}
