package dev.tollgate.adapter.npm;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Where the dist-tags point once versions are filtered out. A client resolves {@code foo} through
 * {@code latest} and {@code foo@next} through {@code next}; a tag left on a removed version would
 * make it fail or, worse, fetch a denied version directly. So every tag must name a kept version.
 *
 * <p>The rule, for a tag whose version {@code R} was removed (or never existed):
 *
 * <ol>
 *   <li>It moves to the newest kept version of the same major that is not newer than {@code R},
 *       never forward: the maintainer chose {@code R}, and a version above it (often published
 *       under another tag) was not what the tag promised. A release may replace a prerelease, but a
 *       prerelease replaces {@code R} only if {@code R} was a prerelease itself, so {@code latest}
 *       never lands on a beta.
 *   <li>Otherwise {@code latest} still has to name something while any version is kept (npm
 *       resolves a bare name through it): the newest kept release not newer than {@code R}, else
 *       the newest kept release, else the newest kept prerelease.
 *   <li>Otherwise the tag is dropped, and a request for it finds nothing.
 * </ol>
 *
 * Tags keep their upstream order; a packument without {@code latest} does not gain one.
 */
final class DistTagRepointing {

  private static final String LATEST = "latest";

  private DistTagRepointing() {}

  /** The tags of {@code upstream} re-pointed onto the {@code kept} versions. */
  static Map<String, String> repoint(Map<String, String> upstream, List<NpmVersion> kept) {
    Set<String> keptTexts = kept.stream().map(NpmVersion::text).collect(Collectors.toSet());
    Map<String, String> tags = new LinkedHashMap<>();
    for (Map.Entry<String, String> tag : upstream.entrySet()) {
      String target = tag.getValue();
      if (keptTexts.contains(target)) {
        tags.put(tag.getKey(), target);
        continue;
      }
      Optional<NpmVersion> removed = NpmVersion.parse(target);
      Optional<String> replacement = removed.flatMap(r -> newest(kept, sameLine(r)));
      if (replacement.isEmpty() && tag.getKey().equals(LATEST)) {
        replacement = latestFallback(kept, removed);
      }
      replacement.ifPresent(version -> tags.put(tag.getKey(), version));
    }
    return tags;
  }

  private static Predicate<NpmVersion> sameLine(NpmVersion removed) {
    return v ->
        v.major() == removed.major()
            && v.compareTo(removed) <= 0
            && (!v.isPrerelease() || removed.isPrerelease());
  }

  private static Optional<String> latestFallback(
      List<NpmVersion> kept, Optional<NpmVersion> removed) {
    Predicate<NpmVersion> release = v -> !v.isPrerelease();
    Predicate<NpmVersion> notNewer = v -> removed.map(r -> v.compareTo(r) <= 0).orElse(true);
    return newest(kept, release.and(notNewer))
        .or(() -> newest(kept, release))
        .or(() -> newest(kept, v -> true));
  }

  private static Optional<String> newest(List<NpmVersion> kept, Predicate<NpmVersion> eligible) {
    return kept.stream().filter(eligible).max(Comparator.naturalOrder()).map(NpmVersion::text);
  }
}
