package dev.tollgate.policy.coordinates;

import java.util.Optional;

/**
 * The shape of image names in policy entries: {@code <registry>/<repository>}, as image references
 * are written in full ({@code docker.io/library/alpine}, {@code ghcr.io/acme/*}). An entry that
 * leaves out the registry ({@code library/alpine}) would never match anything, so it is refused at
 * load rather than silently ignored.
 */
public final class ImageNames {

  private ImageNames() {}

  /** Why {@code pattern} is not a full image name or glob, or empty if it is. */
  public static Optional<String> patternProblem(String pattern) {
    if (pattern.equals("*")) {
      return Optional.empty();
    }
    int slash = pattern.indexOf('/');
    String registry = slash < 0 ? pattern : pattern.substring(0, slash);
    boolean looksLikeRegistry = registry.indexOf('.') >= 0 || registry.indexOf(':') >= 0
        || registry.equals("localhost") || registry.indexOf('*') >= 0 || registry.indexOf('?') >= 0;
    if (slash <= 0 || slash == pattern.length() - 1 || !looksLikeRegistry) {
      return Optional.of("image name '" + pattern + "' must start with its registry, e.g. docker.io/library/alpine"
          + " or ghcr.io/acme/*");
    }
    if (registry.indexOf(':') != registry.lastIndexOf(':') || pattern.indexOf(':', slash) >= 0) {
      return Optional.of("image name '" + pattern + "' may hold ':' only before a registry's port");
    }
    return Optional.empty();
  }
}
