package dev.tollgate.policy.typosquat;

import java.util.function.Consumer;

/**
 * Finds protected names one keystroke away: one character changed, added or removed, or two
 * adjacent characters swapped. A symmetric-deletion index (every protected name's one-character
 * deletions mapped back to the name) turns the search into a few dozen lookups; each hit is then
 * verified, since a shared deletion also joins some pairs that are two edits apart.
 *
 * <p>Only names of {@link #MIN_LENGTH} or more characters take part, as candidates and as targets:
 * a name of four characters or fewer has a one-edit neighbourhood of hundreds of strings, most of
 * them real, unrelated packages ({@code ws}/{@code qs}, {@code attr}/{@code attrs},
 * {@code tooz}/{@code toolz}, {@code from}/{@code from2}).
 */
final class EditNeighbours implements Resemblance {

  static final int MIN_LENGTH = 5;

  private final NameTable table;
  private final IdsByKey byDeletion = new IdsByKey();
  private final int longest;

  EditNeighbours(NameTable table) {
    this.table = table;
    int longestSeen = 0;
    for (int id = 0; id < table.size(); id++) {
      String name = table.name(id);
      if (name.length() >= MIN_LENGTH) {
        int target = id;
        forEachDeletion(name, deleted -> byDeletion.add(deleted, target));
        longestSeen = Math.max(longestSeen, name.length());
      }
    }
    longest = longestSeen;
  }

  @Override
  public void collect(String candidate, Matches matches) {
    if (candidate.length() < MIN_LENGTH || candidate.length() > longest + 1) {
      return;
    }
    offerVerified(candidate, byDeletion.get(candidate), matches);
    forEachDeletion(
        candidate,
        deleted -> {
          int inserted = table.id(deleted);
          if (inserted >= 0 && deleted.length() >= MIN_LENGTH) {
            matches.offer(inserted, Similarity.ONE_EDIT);
          }
          offerVerified(candidate, byDeletion.get(deleted), matches);
        });
  }

  private void offerVerified(String candidate, int[] ids, Matches matches) {
    for (int id : ids) {
      Similarity kind = classify(candidate, table.name(id));
      if (kind != null) {
        matches.offer(id, kind);
      }
    }
  }

  /**
   * {@link Similarity#ONE_EDIT} or {@link Similarity#TRANSPOSITION} if {@code a} and {@code b} are
   * that close, otherwise null (also for equal strings). One digit changed into another is a
   * version, not a typo ({@code pyside2}/{@code pyside6}, {@code json3}/{@code json5}).
   */
  static Similarity classify(String a, String b) {
    if (a.length() == b.length()) {
      int first = 0;
      while (first < a.length() && a.charAt(first) == b.charAt(first)) {
        first++;
      }
      if (first == a.length()) {
        return null;
      }
      int last = a.length() - 1;
      while (a.charAt(last) == b.charAt(last)) {
        last--;
      }
      if (first == last) {
        return isVersionDigit(a.charAt(first)) && isVersionDigit(b.charAt(first))
            ? null
            : Similarity.ONE_EDIT;
      }
      boolean swapped =
          last == first + 1
              && a.charAt(first) == b.charAt(last)
              && a.charAt(last) == b.charAt(first);
      return swapped ? Similarity.TRANSPOSITION : null;
    }
    String longer = a.length() > b.length() ? a : b;
    String shorter = longer == a ? b : a;
    if (longer.length() != shorter.length() + 1) {
      return null;
    }
    int first = 0;
    while (first < shorter.length() && longer.charAt(first) == shorter.charAt(first)) {
      first++;
    }
    return longer.regionMatches(first + 1, shorter, first, shorter.length() - first)
        ? Similarity.ONE_EDIT
        : null;
  }

  private static boolean isVersionDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** Each distinct string made by removing one character of {@code name}. */
  private static void forEachDeletion(String name, Consumer<String> action) {
    for (int i = 0; i < name.length(); i++) {
      if (i == 0 || name.charAt(i) != name.charAt(i - 1)) {
        action.accept(name.substring(0, i) + name.substring(i + 1));
      }
    }
  }
}
