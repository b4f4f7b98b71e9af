package dev.tollgate.policy.typosquat;

import java.util.function.IntConsumer;
import java.util.function.LongConsumer;

/**
 * Finds protected names one keystroke away: one character changed, added or removed, or two
 * adjacent characters swapped. A symmetric-deletion index maps each protected name, and each string
 * made by deleting one of its characters, back to the name; a candidate then needs one lookup for
 * itself and one per deletion of its own. Two names within one edit or swap always share such a
 * variant; every hit is verified, since a shared variant also joins some pairs two edits apart
 * (and the index keys are hashes).
 *
 * <p>Only names of {@link #MIN_LENGTH} or more characters take part, as candidates and as targets:
 * a name of four characters or fewer has a one-edit neighbourhood of hundreds of strings, most of
 * them real, unrelated packages ({@code ws}/{@code qs}, {@code attr}/{@code attrs},
 * {@code tooz}/{@code toolz}, {@code from}/{@code from2}).
 */
final class EditNeighbours implements Resemblance {

  static final int MIN_LENGTH = 5;

  /** Marks the variant that deletes nothing: the name itself. */
  private static final int NO_DELETION = -1;

  private final NameTable table;
  private final HashedIds byVariant;
  private final int longest;

  EditNeighbours(NameTable table) {
    this.table = table;
    int entries = 0;
    int longestSeen = 0;
    for (int id = 0; id < table.size(); id++) {
      int length = table.name(id).length();
      if (length >= MIN_LENGTH) {
        entries += length + 1;
        longestSeen = Math.max(longestSeen, length);
      }
    }
    longest = longestSeen;
    byVariant = new HashedIds(entries);
    for (int id = 0; id < table.size(); id++) {
      String name = table.name(id);
      if (name.length() >= MIN_LENGTH) {
        int target = id;
        forEachVariant(name, hash -> byVariant.add(hash, target));
      }
    }
  }

  @Override
  public void collect(String candidate, Matches matches) {
    if (candidate.length() < MIN_LENGTH || candidate.length() > longest + 1) {
      return;
    }
    IntConsumer verify =
        id -> {
          Similarity kind = classify(candidate, table.name(id));
          if (kind != null) {
            matches.offer(id, kind);
          }
        };
    forEachVariant(candidate, hash -> byVariant.forEach(hash, verify));
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
        return isDigit(a.charAt(first)) && isDigit(b.charAt(first)) ? null : Similarity.ONE_EDIT;
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

  /**
   * Hands {@code action} the hash of {@code name} and of each distinct string made by deleting one
   * of its characters (deleting either letter of a double letter gives the same string).
   */
  private static void forEachVariant(String name, LongConsumer action) {
    action.accept(HashedIds.hashWithout(name, NO_DELETION));
    for (int i = 0; i < name.length(); i++) {
      if (i == 0 || name.charAt(i) != name.charAt(i - 1)) {
        action.accept(HashedIds.hashWithout(name, i));
      }
    }
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
