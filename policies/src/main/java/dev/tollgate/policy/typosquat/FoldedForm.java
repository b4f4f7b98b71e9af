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
  private final NameTable table;

  /** The names that folding changes; a name it leaves alone is found in the table itself. */
  private final IdsByKey byFold = new IdsByKey();

  FoldedForm(Similarity kind, UnaryOperator<String> fold, NameTable table) {
    this.kind = kind;
    this.fold = fold;
    this.table = table;
    for (int id = 0; id < table.size(); id++) {
      String name = table.name(id);
      String folded = fold.apply(name);
      if (!folded.equals(name)) {
        byFold.add(folded, id);
      }
    }
  }

  @Override
  public void collect(String candidate, Matches matches) {
    String folded = fold.apply(candidate);
    int unchanged = table.id(folded);
    if (unchanged >= 0) {
      matches.offer(unchanged, kind);
    }
    for (int id : byFold.get(folded)) {
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
