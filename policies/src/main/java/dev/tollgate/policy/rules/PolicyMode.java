package dev.tollgate.policy.rules;

/** Whether an unlisted package is refused (allow-list mode) or admitted (open mode). */
public enum PolicyMode {
  /** Default deny: only allow-listed packages pass. */
  ALLOWLIST,
  /** Default allow: the deny-list and typosquat detection still apply. */
  OPEN
}
