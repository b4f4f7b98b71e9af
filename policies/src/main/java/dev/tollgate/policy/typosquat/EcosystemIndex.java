package dev.tollgate.policy.typosquat;

import dev.tollgate.policy.coordinates.Ecosystem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every resemblance index over the protected names of one ecosystem; the kinds that apply differ
 * (affixes are per ecosystem, scopes exist only on npm).
 */
final class EcosystemIndex {

  private final NameTable table;
  private final List<Resemblance> resemblances;

  private EcosystemIndex(NameTable table, List<Resemblance> resemblances) {
    this.table = table;
    this.resemblances = resemblances;
  }

  /** Indexes {@code ranks}: normalised names with their popularity ranks. */
  static EcosystemIndex build(Ecosystem ecosystem, Map<String, Integer> ranks) {
    NameTable table = new NameTable(ranks);
    List<Resemblance> resemblances = new ArrayList<>();
    resemblances.add(new EditNeighbours(table));
    resemblances.add(new FoldedForm(Similarity.SEPARATOR, FoldedForm::withoutSeparators, table));
    resemblances.add(new FoldedForm(Similarity.CONFUSABLE, Confusables::skeleton, table));
    Affixes.of(ecosystem).ifPresent(affixes -> resemblances.add(new AffixedForm(affixes, table)));
    if (ecosystem == Ecosystem.NPM) {
      resemblances.add(new NpmScopes(table));
    }
    return new EcosystemIndex(table, List.copyOf(resemblances));
  }

  /** The most popular protected name that {@code name} (normalised) imitates; never itself. */
  Optional<TyposquatMatch> check(String name) {
    if (name.isEmpty() || table.id(name) >= 0) {
      return Optional.empty();
    }
    Matches matches = new Matches();
    for (Resemblance resemblance : resemblances) {
      resemblance.collect(name, matches);
    }
    return matches.best(table);
  }
}
