package dev.tollgate.policy.decision;

/** The outcome of a policy decision. */
public enum Verdict {
  /** The request may pass. */
  ALLOW,
  /** The request is refused. */
  DENY,
  /** Policy would refuse, but the policy runs in audit mode: the request passes and is logged. */
  WOULD_DENY;

  /** Whether the request may pass (ALLOW, or WOULD_DENY in audit mode). */
  public boolean permits() {
    return this != DENY;
  }
}
