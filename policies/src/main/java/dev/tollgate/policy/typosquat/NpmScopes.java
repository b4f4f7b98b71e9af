package dev.tollgate.policy.typosquat;

/**
 * Finds npm scoped names whose scope was dropped or misspelled: {@code @types-node},
 * {@code types-node} or {@code typesnode} for {@code @types/node}, {@code babel-core} for
 * {@code @babel/core}, and {@code @typse/node} for {@code @types/node}. A different scope with the
 * same package name ({@code @myorg/core}) is not a resemblance: scopes are owned, and many hold a
 * package called {@code core}.
 */
final class NpmScopes implements Resemblance {

  private final NameTable table;
  private final IdsByKey byFlattened = new IdsByKey();
  private final IdsByKey byBareName = new IdsByKey();

  NpmScopes(NameTable table) {
    this.table = table;
    for (int id = 0; id < table.size(); id++) {
      String name = table.name(id);
      int slash = scopeEnd(name);
      if (slash > 0) {
        byFlattened.add(flattened(name), id);
        byBareName.add(name.substring(slash + 1), id);
      }
    }
  }

  @Override
  public void collect(String candidate, Matches matches) {
    int slash = scopeEnd(candidate);
    if (slash < 0) {
      for (int id : byFlattened.get(flattened(candidate))) {
        matches.offer(id, Similarity.SCOPE);
      }
      return;
    }
    String scope = candidate.substring(1, slash);
    for (int id : byBareName.get(candidate.substring(slash + 1))) {
      String target = table.name(id);
      String targetScope = target.substring(1, scopeEnd(target));
      if (EditNeighbours.classify(scope, targetScope) != null) {
        matches.offer(id, Similarity.SCOPE);
      }
    }
  }

  /** The index of the {@code /} ending the scope of {@code @scope/name}, or -1 if unscoped. */
  private static int scopeEnd(String name) {
    return name.startsWith("@") ? name.indexOf('/') : -1;
  }

  /** The name without its {@code @}, {@code /} and separators: {@code @babel/core} is {@code babelcore}. */
  private static String flattened(String name) {
    return FoldedForm.withoutSeparators(name.replace("@", "").replace("/", ""));
  }
}
