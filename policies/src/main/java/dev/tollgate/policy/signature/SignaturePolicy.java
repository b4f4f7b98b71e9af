package dev.tollgate.policy.signature;

import java.util.List;
import java.util.Optional;

/**
 * Which images must be signed and by whom. Rules are tried in order and the first whose glob
 * covers the image applies; an image no rule covers is served unsigned only when
 * {@code unmatched} is {@link Unmatched#ALLOW} (the default is to refuse it, failing closed).
 */
public record SignaturePolicy(List<ImageSignatureRule> rules, Unmatched unmatched) {

  /** What happens to an image that no rule covers. */
  public enum Unmatched {
    /** Refused: every image served needs a rule (the default). */
    DENY,
    /** Served without any signature check. */
    ALLOW
  }

  public SignaturePolicy {
    rules = List.copyOf(rules);
    if (unmatched == null) {
      unmatched = Unmatched.DENY;
    }
  }

  /** A policy with no rules that serves every image unsigned: what an absent policy file means. */
  public static SignaturePolicy none() {
    return new SignaturePolicy(List.of(), Unmatched.ALLOW);
  }

  /** The first rule covering {@code registry/repository}, if any. */
  public Optional<ImageSignatureRule> ruleFor(String registry, String repository) {
    return rules.stream().filter(rule -> rule.images().matches(registry, repository)).findFirst();
  }
}
