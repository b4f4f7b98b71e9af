package dev.tollgate.policy.rules;

/** Whether a refusal is enforced, or only logged as "would deny" while the request passes. */
public enum Enforcement {
  ENFORCE,
  AUDIT
}
