package dev.tollgate.policy.typosquat;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The protected names of one ecosystem, numbered most popular first (ties and unranked names by
 * name), so that every index can hold compact {@code int} ids and "the more popular target" is
 * simply the lower id.
 */
final class NameTable {

  private final String[] names;
  private final Map<String, Integer> ids;

  NameTable(Map<String, Integer> ranks) {
    List<String> ordered =
        ranks.keySet().stream()
            .sorted(Comparator.comparing((String n) -> ranks.get(n)).thenComparing(n -> n))
            .toList();
    names = ordered.toArray(String[]::new);
    ids = new HashMap<>(names.length * 2);
    for (int id = 0; id < names.length; id++) {
      ids.put(names[id], id);
    }
  }

  int size() {
    return names.length;
  }

  String name(int id) {
    return names[id];
  }

  /** The id of {@code name}, or -1 if it is not protected. */
  int id(String name) {
    Integer id = ids.get(name);
    return id == null ? -1 : id;
  }
}
