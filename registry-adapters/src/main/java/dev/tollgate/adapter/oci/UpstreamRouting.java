package dev.tollgate.adapter.oci;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Picks the upstream registry for a request, in the forms real clients use a mirror:
 *
 * <ol>
 *   <li>containerd's {@code ns=<registry host>} query parameter names the upstream; a host that no
 *       upstream answers to is refused (the gateway is no open proxy). When the name also starts
 *       with that upstream's own path prefix (containerd's {@code override_path} setups), the
 *       prefix is removed.
 *   <li>Without {@code ns}, a name starting with an upstream's path prefix ({@code
 *       dockerhub/library/alpine}) goes to that upstream, without the prefix; the longest prefix
 *       wins.
 *   <li>Otherwise the default upstream, if one is configured: a {@code registries.conf} mirror or
 *       Docker's {@code registry-mirrors} sends the bare repository name.
 * </ol>
 *
 * Then, on a Docker Hub upstream, a one-part name gains {@code library/}.
 */
public final class UpstreamRouting {

  private final List<OciUpstream> upstreams;
  private final Optional<OciUpstream> defaultUpstream;

  /**
   * A routing table.
   *
   * @param defaultRegistry the registry name of the upstream for requests that name none
   * @throws IllegalArgumentException when two upstreams share a registry name, alias or prefix, or
   *     the default names no upstream
   */
  public UpstreamRouting(List<OciUpstream> upstreams, Optional<String> defaultRegistry) {
    this.upstreams = List.copyOf(upstreams);
    Set<String> hosts = new HashSet<>();
    Set<String> prefixes = new HashSet<>();
    for (OciUpstream upstream : this.upstreams) {
      for (String host : hostsOf(upstream)) {
        if (!hosts.add(host)) {
          throw new IllegalArgumentException("two upstreams answer to the registry name '" + host + "'");
        }
      }
      upstream.pathPrefix().filter(p -> !prefixes.add(p)).ifPresent(p -> {
        throw new IllegalArgumentException("two upstreams use the path prefix '" + p + "'");
      });
    }
    this.defaultUpstream =
        defaultRegistry.map(
            name ->
                this.upstreams.stream()
                    .filter(u -> u.registry().equals(name))
                    .findFirst()
                    .orElseThrow(
                        () ->
                            new IllegalArgumentException(
                                "the default upstream '" + name + "' is not a configured upstream")));
  }

  /** The configured upstreams. */
  public List<OciUpstream> upstreams() {
    return upstreams;
  }

  /**
   * Where the valid repository name {@code clientName} goes, given the request's {@code ns}
   * parameter; empty when no upstream takes it.
   */
  public Optional<RoutedRepository> route(String clientName, Optional<String> namespace) {
    Objects.requireNonNull(clientName, "clientName");
    if (namespace.isPresent()) {
      return upstreams.stream()
          .filter(u -> u.answersTo(namespace.get()))
          .findFirst()
          .map(u -> routed(u, clientName, withoutPrefix(u, clientName).orElse(clientName)));
    }
    Optional<RoutedRepository> byPrefix =
        upstreams.stream()
            .filter(u -> withoutPrefix(u, clientName).isPresent())
            .max(Comparator.comparingInt(u -> u.pathPrefix().orElseThrow().length()))
            .map(u -> routed(u, clientName, withoutPrefix(u, clientName).orElseThrow()));
    return byPrefix.or(() -> defaultUpstream.map(u -> routed(u, clientName, clientName)));
  }

  private static RoutedRepository routed(OciUpstream upstream, String clientName, String name) {
    return new RoutedRepository(upstream.registry(), upstream.upstreamRepository(name), clientName);
  }

  private static Optional<String> withoutPrefix(OciUpstream upstream, String name) {
    return upstream
        .pathPrefix()
        .filter(prefix -> name.startsWith(prefix + "/"))
        .map(prefix -> name.substring(prefix.length() + 1));
  }

  private static List<String> hostsOf(OciUpstream upstream) {
    return Stream.concat(Stream.of(upstream.registry()), upstream.aliases().stream())
        .toList();
  }
}
