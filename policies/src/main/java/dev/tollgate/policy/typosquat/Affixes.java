package dev.tollgate.policy.typosquat;

import dev.tollgate.policy.coordinates.Ecosystem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The words squatters glue onto a popular name ({@code python3-requests}, {@code requests-py},
 * {@code requests2}, {@code lodash-js}, {@code node-lodash}, {@code noderequest}), per ecosystem,
 * and the cores left when one is removed. Short words must come with a separator: glued on bare,
 * {@code py}, {@code lib} and {@code js} are how real, unrelated packages are named
 * ({@code pyqrcode}, {@code raylib}, {@code bcryptjs}). PyPI names arrive normalised, so {@code -}
 * is its only separator. Digits are PyPI-only: npm is full of legitimate successors such as
 * {@code uid2} and {@code xmlbuilder2}.
 */
record Affixes(List<String> prefixes, List<String> suffixes) {

  /**
   * A core shared by two names (their affixes removed) shorter than this is too common a string to
   * tie them together ({@code geolib} and {@code geopy}); a core that is itself a protected name
   * may be shorter ({@code d3.js}).
   */
  static final int MIN_SHARED_CORE_LENGTH = 4;

  private static final int MIN_CORE_LENGTH = 2;

  private static final Affixes PYPI =
      new Affixes(
          List.of("python3-", "python-", "py3-", "py-", "python3", "python"),
          List.of("-python3", "-python", "python", "-py3", "-py", "-lib", "-2", "-3", "2", "3"));

  private static final Affixes NPM =
      new Affixes(
          List.of(
              "nodejs-", "nodejs.", "nodejs_", "node-", "node.", "node_", "js-", "js.", "js_",
              "nodejs", "node"),
          List.of("-nodejs", ".nodejs", "_nodejs", "-node", ".node", "_node", "-js", ".js", "_js"));

  /** The affixes of {@code ecosystem}; none for container images, whose names carry no such words. */
  static Optional<Affixes> of(Ecosystem ecosystem) {
    return switch (ecosystem) {
      case PYPI -> Optional.of(PYPI);
      case NPM -> Optional.of(NPM);
      case OCI -> Optional.empty();
    };
  }

  /** What remains of {@code name} after removing each listed prefix or suffix it has. */
  List<String> cores(String name) {
    List<String> cores = new ArrayList<>(2);
    for (String prefix : prefixes) {
      if (name.startsWith(prefix) && name.length() - prefix.length() >= MIN_CORE_LENGTH) {
        cores.add(name.substring(prefix.length()));
      }
    }
    for (String suffix : suffixes) {
      if (name.endsWith(suffix) && name.length() - suffix.length() >= MIN_CORE_LENGTH) {
        cores.add(name.substring(0, name.length() - suffix.length()));
      }
    }
    return cores;
  }
}
