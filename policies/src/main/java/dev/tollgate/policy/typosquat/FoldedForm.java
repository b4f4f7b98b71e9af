package dev.tollgate.policy.typosquat;

import java.util.function.UnaryOperator;

/**
 * Finds protected names that become identical to the candidate once both are folded the same way,
 * e.g. with separators removed ({@code pythondateutil} and {@code python-dateutil}) or reduced to
 * their confusable skeleton ({@code rеquests} with a Cyrillic {@code е} and {@code requests}).
 */
final class FoldedForm implements Resemblance {

  private final Similarity kind;
  private final UnaryOperator<String> fold;
  private final IdsByKey byFold = new IdsByKey();

  FoldedForm(Similarity kind, UnaryOperator<String> fold, NameTable table) {
    this.kind = kind;
    this.fold = fold;
    for (int id = 0; id < table.size(); id++) {
      byFold.add(fold.apply(table.name(id)), id);
    }
  }

  @Override
  public void collect(String candidate, Matches matches) {
    for (int id : byFold.get(fold.apply(candidate))) {
      matches.offer(id, kind);
    }
  }

  /** {@code name} without the separators {@code -}, {@code _} and {@code .}. */
  static String withoutSeparators(String name) {
    StringBuilder kept = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c != '-' && c != '_' && c != '.') {
        kept.append(c);
      }
    }
    return kept.toString();
  }
}
