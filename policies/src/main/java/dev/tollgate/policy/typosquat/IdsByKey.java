package dev.tollgate.policy.typosquat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A multimap from a derived form of a name (its skeleton, its core without affixes, its npm name
 * without the scope) to the ids of the protected names with that form: the lookup that replaces a
 * scan of the protected set. Ids are added in increasing order; a repeated id is kept once.
 */
final class IdsByKey {

  private static final int[] NONE = {};

  private final Map<String, int[]> ids = new HashMap<>();

  void add(String key, int id) {
    int[] old = ids.get(key);
    if (old == null) {
      ids.put(key, new int[] {id});
    } else if (old[old.length - 1] != id) {
      int[] grown = Arrays.copyOf(old, old.length + 1);
      grown[old.length] = id;
      ids.put(key, grown);
    }
  }

  /** The ids stored under {@code key}, lowest (most popular) first; empty if none. */
  int[] get(String key) {
    return ids.getOrDefault(key, NONE);
  }
}
