package dev.tollgate.policy.decision;

import java.util.Map;
import java.util.Objects;

/**
 * One reason behind a decision: the rule, a sentence a person can act on, and structured details
 * (for the audit log and metrics) such as the typosquat target or the entry's version constraint.
 */
public record Reason(Rule rule, String message, Map<String, String> details) {

  public Reason {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(message, "message");
    details = Map.copyOf(details);
  }

  public static Reason of(Rule rule, String message) {
    return new Reason(rule, message, Map.of());
  }
}
