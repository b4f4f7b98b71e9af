package dev.tollgate.adapter.oci;

import java.util.Objects;

/**
 * Which upstream a request goes to and under which name: {@code upstream} is the chosen {@link
 * OciUpstream#registry()}, {@code repository} the name to ask it for (and to decide policy on), and
 * {@code clientRepository} the name as the client sent it, prefix and all, for log lines and error
 * messages the client recognises. Both names are valid repository names.
 */
public record RoutedRepository(String upstream, String repository, String clientRepository) {

  public RoutedRepository {
    Objects.requireNonNull(upstream, "upstream");
    Objects.requireNonNull(repository, "repository");
    Objects.requireNonNull(clientRepository, "clientRepository");
  }

  /** {@code <registry>/<repository>}: the image's full name, e.g. {@code docker.io/library/alpine}. */
  public String imageName() {
    return upstream + "/" + repository;
  }
}
