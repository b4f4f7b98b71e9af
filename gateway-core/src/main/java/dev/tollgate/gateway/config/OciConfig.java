package dev.tollgate.gateway.config;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The OCI registries the gateway mirrors. A mirror request names no registry host (clients send the
 * repository path only), so the gateway tells upstreams apart by what its own configuration says: a
 * path prefix, containerd's {@code ns} parameter (matched against {@link Upstream#key}), or else the
 * default upstream.
 *
 * @param upstreams every configured registry, in file order; empty when OCI is not served
 * @param defaultKey the key of the upstream that serves requests naming no other one
 */
public record OciConfig(List<Upstream> upstreams, Optional<String> defaultKey) {

  public OciConfig {
    upstreams = List.copyOf(upstreams);
  }

  /** No OCI upstream: {@code /v2/} is not served. */
  public static OciConfig none() {
    return new OciConfig(List.of(), Optional.empty());
  }

  /** The upstream for requests that name no other one, if any is configured. */
  public Optional<Upstream> defaultUpstream() {
    return defaultKey.flatMap(key -> upstreams.stream().filter(u -> u.key().equals(key)).findFirst());
  }

  /**
   * One upstream registry.
   *
   * @param key the registry's name as clients know it ({@code docker.io}, {@code ghcr.io},
   *     {@code 127.0.0.1:5000}): what containerd sends as {@code ns}, and the registry part of the
   *     image names that policy globs match
   * @param aliases other host names containerd may send as {@code ns} for this registry
   * @param url the registry's base URL; {@code /v2/...} is resolved against it
   * @param pathPrefix a first path segment that selects this upstream ({@code /v2/PREFIX/name/...}),
   *     removed before the request goes upstream
   * @param dockerHub whether one-segment names mean {@code library/NAME}, as on Docker Hub
   * @param credentials what to answer a token challenge with; anonymous when empty
   */
  public record Upstream(String key, List<String> aliases, URI url, Optional<String> pathPrefix, boolean dockerHub,
      Optional<Credentials> credentials) {
    public Upstream {
      aliases = List.copyOf(aliases);
    }
  }

  /** A user name and password (or token) read from the environment at start; never printed. */
  public record Credentials(String username, String password) {
    @Override
    public String toString() {
      return "Credentials[username=" + username + ", password=(hidden)]";
    }
  }
}
