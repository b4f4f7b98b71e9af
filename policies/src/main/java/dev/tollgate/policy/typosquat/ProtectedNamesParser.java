package dev.tollgate.policy.typosquat;

import dev.tollgate.policy.coordinates.Ecosystem;
import java.io.IOException;
import java.io.Reader;
import java.util.EnumMap;
import java.util.Map;

/**
 * Reads protected names from the two text formats users meet: the shipped per-ecosystem popular
 * lists ({@code conf/popular/pypi.txt}) and the CLI's {@code --protected FILE}. Both allow blank
 * lines and {@code #} comments; a name without a rank is ranked by its position among the
 * ecosystem's names, so a list sorted by popularity needs no numbers. The caller opens the file.
 */
public final class ProtectedNamesParser {

  private ProtectedNamesParser() {}

  /**
   * Parses a popular-name list of {@code ecosystem}: lines {@code name} or {@code name<TAB>rank}.
   *
   * @throws IllegalArgumentException naming the line, for a line of another shape or a bad rank
   */
  public static ProtectedNames parsePopularList(Ecosystem ecosystem, Reader reader)
      throws IOException {
    ProtectedNames.Builder names = ProtectedNames.builder();
    int[] position = {0};
    TabSeparatedLines.read(
        reader,
        1,
        2,
        line -> {
          position[0]++;
          int rank = line.has(1) ? line.rank(1) : position[0];
          names.add(ecosystem, line.field(0), rank);
        });
    return names.build();
  }

  /**
   * Parses the CLI's protected-name file: lines {@code ecosystem<TAB>name[<TAB>rank]}.
   *
   * @throws IllegalArgumentException naming the line, for a line of another shape, an unknown
   *     ecosystem or a bad rank
   */
  public static ProtectedNames parseProtectedFile(Reader reader) throws IOException {
    ProtectedNames.Builder names = ProtectedNames.builder();
    Map<Ecosystem, Integer> positions = new EnumMap<>(Ecosystem.class);
    TabSeparatedLines.read(
        reader,
        2,
        3,
        line -> {
          Ecosystem ecosystem = line.ecosystem(0);
          int position = positions.merge(ecosystem, 1, Integer::sum);
          int rank = line.has(2) ? line.rank(2) : position;
          names.add(ecosystem, line.field(1), rank);
        });
    return names.build();
  }
}
