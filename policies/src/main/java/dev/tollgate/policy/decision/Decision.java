package dev.tollgate.policy.decision;

import dev.tollgate.policy.coordinates.PackageCoordinates;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * An immutable policy decision about one package or version. The same value feeds the client's
 * error message, the audit log, the metrics and {@code tollgate check}, so they never disagree.
 */
public record Decision(PackageCoordinates subject, Verdict verdict, List<Reason> reasons) {

  public Decision {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(verdict, "verdict");
    reasons = List.copyOf(reasons);
    if (reasons.isEmpty()) {
      throw new IllegalArgumentException("a decision needs at least one reason");
    }
  }

  public boolean permits() {
    return verdict.permits();
  }

  /** The reasons' sentences joined with "; " — what a refused client is shown. */
  public String summary() {
    return reasons.stream().map(Reason::message).collect(Collectors.joining("; "));
  }
}
