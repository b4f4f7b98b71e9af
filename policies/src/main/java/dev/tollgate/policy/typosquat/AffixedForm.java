package dev.tollgate.policy.typosquat;

/**
 * Finds protected names that the candidate wraps in a common prefix or suffix: the candidate minus
 * an affix is a protected name ({@code requests-py}), or both share a core once their affixes are
 * removed ({@code python3-dateutil} and {@code python-dateutil}).
 */
final class AffixedForm implements Resemblance {

  private final Affixes affixes;
  private final NameTable table;
  private final IdsByKey byCore = new IdsByKey();

  AffixedForm(Affixes affixes, NameTable table) {
    this.affixes = affixes;
    this.table = table;
    for (int id = 0; id < table.size(); id++) {
      for (String core : affixes.cores(table.name(id))) {
        if (core.length() >= Affixes.MIN_SHARED_CORE_LENGTH) {
          byCore.add(core, id);
        }
      }
    }
  }

  @Override
  public void collect(String candidate, Matches matches) {
    for (String core : affixes.cores(candidate)) {
      int bare = table.id(core);
      if (bare >= 0) {
        matches.offer(bare, Similarity.AFFIX);
      }
      for (int id : byCore.get(core)) {
        matches.offer(id, Similarity.AFFIX);
      }
    }
  }
}
