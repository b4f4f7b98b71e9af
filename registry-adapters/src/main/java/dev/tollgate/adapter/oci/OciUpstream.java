package dev.tollgate.adapter.oci;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One upstream registry as the mirror routing sees it: the registry name image policy uses for it
 * ({@code docker.io}, {@code ghcr.io}, {@code 127.0.0.1:5001}), the other host names clients may
 * send for it in containerd's {@code ns} parameter, an optional path prefix that selects it
 * explicitly ({@code /v2/<prefix>/<repository>/...}), and whether it is Docker Hub, where a
 * one-part repository name means {@code library/<name>}.
 *
 * <p>Name Docker Hub {@code docker.io} (aliases {@code index.docker.io}, {@code
 * registry-1.docker.io}): policy files and the shipped popular-image list write its images as
 * {@code docker.io/<repository>}. Where an upstream is reached (its URL, credentials) is the
 * gateway's business, not routing's.
 */
public record OciUpstream(
    String registry, List<String> aliases, Optional<String> pathPrefix, boolean dockerHub) {

  public OciUpstream {
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(pathPrefix, "pathPrefix");
    registry = registry.toLowerCase(Locale.ROOT);
    aliases = aliases.stream().map(a -> a.toLowerCase(Locale.ROOT)).toList();
    if (registry.isEmpty()) {
      throw new IllegalArgumentException("registry name is empty");
    }
    pathPrefix.ifPresent(
        prefix ->
            RepositoryNames.problem(prefix)
                .ifPresent(
                    problem -> {
                      throw new IllegalArgumentException("path prefix: " + problem);
                    }));
  }

  /** Whether a client's {@code ns} value names this upstream (host names compare case-blind). */
  public boolean answersTo(String namespace) {
    String host = namespace.toLowerCase(Locale.ROOT);
    return registry.equals(host) || aliases.contains(host);
  }

  /**
   * The repository to ask this upstream for, given the name the client used (prefix already
   * removed): Docker Hub's one-part names gain {@code library/}.
   */
  String upstreamRepository(String name) {
    return dockerHub && name.indexOf('/') < 0 ? "library/" + name : name;
  }
}
