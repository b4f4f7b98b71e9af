package dev.tollgate.policy.typosquat;

import java.util.Optional;

/**
 * Keeps the best target found for one candidate: the most popular protected name and, for that
 * name, the most telling kind of resemblance ("requests2" is an {@link Similarity#AFFIX}, though it
 * is also one insertion away).
 */
final class Matches {

  private int bestId = -1;
  private Similarity bestKind;

  void offer(int id, Similarity kind) {
    boolean better =
        bestId < 0
            || id < bestId
            || (id == bestId && precedence(kind) < precedence(bestKind));
    if (better) {
      bestId = id;
      bestKind = kind;
    }
  }

  Optional<TyposquatMatch> best(NameTable table) {
    return bestId < 0
        ? Optional.empty()
        : Optional.of(new TyposquatMatch(table.name(bestId), bestKind));
  }

  /** Lower is more specific: a scope or separator change explains more than "one edit" does. */
  private static int precedence(Similarity kind) {
    return switch (kind) {
      case SCOPE -> 0;
      case SEPARATOR -> 1;
      case CONFUSABLE -> 2;
      case AFFIX -> 3;
      case TRANSPOSITION -> 4;
      case ONE_EDIT -> 5;
    };
  }
}
