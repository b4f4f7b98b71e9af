package dev.tollgate.adapter.sigstore;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The outcome of checking an image's signatures against its rule: verified when at least the
 * rule's threshold of authorities each vouched with a valid signature. {@code satisfied} names
 * those authorities; {@code failures} says, per authority and signature, what failed.
 */
public record SignatureVerdict(boolean verified, List<String> satisfied, List<SignatureFailure> failures) {

  public SignatureVerdict {
    satisfied = List.copyOf(satisfied);
    failures = List.copyOf(failures);
  }

  /** One line for a client's error message and the audit log. */
  public String summary() {
    if (verified) {
      return "signed by " + String.join(", ", satisfied);
    }
    return failures.stream().map(SignatureFailure::toString).collect(Collectors.joining("; "));
  }
}
