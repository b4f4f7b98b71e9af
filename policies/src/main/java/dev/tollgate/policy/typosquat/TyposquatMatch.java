package dev.tollgate.policy.typosquat;

import java.util.Objects;

/** A suspicious name's closest protected name and how the two resemble each other. */
public record TyposquatMatch(String target, Similarity similarity) {
  public TyposquatMatch {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(similarity, "similarity");
  }
}
