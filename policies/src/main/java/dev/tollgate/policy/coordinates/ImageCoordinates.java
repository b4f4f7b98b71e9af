package dev.tollgate.policy.coordinates;

import dev.tollgate.policy.version.oci.ImageReferences;
import java.util.Objects;
import java.util.Optional;

/**
 * What an image pull is about: the registry ({@code docker.io}, {@code ghcr.io}, {@code
 * 127.0.0.1:5001}), the repository in it ({@code library/alpine}), and the tag or digest pulled
 * (neither for a question about the repository itself). Policy sees an image as the package
 * {@code <registry>/<repository>} whose version is the reference, so the same engine, decisions and
 * audit lines serve images and packages.
 */
public record ImageCoordinates(String registry, String repository, Optional<String> tag, Optional<String> digest) {

  /** Docker Hub's registry name, as policy entries and clients write it. */
  public static final String DOCKER_HUB = "docker.io";

  public ImageCoordinates {
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(repository, "repository");
    Objects.requireNonNull(tag, "tag");
    Objects.requireNonNull(digest, "digest");
    if (registry.isEmpty() || registry.indexOf('/') >= 0) {
      throw new IllegalArgumentException("registry must be a host name, was '" + registry + "'");
    }
    if (repository.isEmpty()) {
      throw new IllegalArgumentException("repository is empty");
    }
    tag.filter(t -> !ImageReferences.isTag(t)).ifPresent(t -> {
      throw new IllegalArgumentException("not a tag: '" + t + "'");
    });
    digest.filter(d -> !ImageReferences.isDigest(d)).ifPresent(d -> {
      throw new IllegalArgumentException("not a digest: '" + d + "'");
    });
  }

  /**
   * An image as a client names it: {@code registry/repository[:tag|@digest]}, where a name without a
   * registry is Docker Hub's ({@code alpine} is {@code docker.io/library/alpine}), as docker and
   * podman read it.
   *
   * @throws IllegalArgumentException naming what is wrong with {@code text}
   */
  public static ImageCoordinates parse(String text) {
    int at = text.indexOf('@');
    String named = at < 0 ? text : text.substring(0, at);
    int colon = named.lastIndexOf(':');
    boolean tagged = colon > named.lastIndexOf('/');
    String name = tagged ? named.substring(0, colon) : named;
    if (name.isBlank() || name.startsWith("/") || name.endsWith("/")) {
      throw new IllegalArgumentException("no image name in '" + text + "'");
    }
    int slash = name.indexOf('/');
    String first = slash < 0 ? "" : name.substring(0, slash);
    boolean hasRegistry = first.contains(".") || first.contains(":") || first.equals("localhost");
    String registry = hasRegistry ? first : DOCKER_HUB;
    String repository = hasRegistry ? name.substring(slash + 1) : name;
    if (registry.equals(DOCKER_HUB) && !repository.contains("/")) {
      repository = "library/" + repository;
    }
    try {
      if (at >= 0) {
        return byDigest(registry, repository, text.substring(at + 1));
      }
      return tagged ? byTag(registry, repository, named.substring(colon + 1)) : repository(registry, repository);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + text + "' is not an image name: " + e.getMessage(), e);
    }
  }

  /** A pull by tag. */
  public static ImageCoordinates byTag(String registry, String repository, String tag) {
    return new ImageCoordinates(registry, repository, Optional.of(tag), Optional.empty());
  }

  /** A pull by digest. */
  public static ImageCoordinates byDigest(String registry, String repository, String digest) {
    return new ImageCoordinates(registry, repository, Optional.empty(), Optional.of(digest));
  }

  /** The repository itself, no reference: e.g. for a tag list. */
  public static ImageCoordinates repository(String registry, String repository) {
    return new ImageCoordinates(registry, repository, Optional.empty(), Optional.empty());
  }

  /** {@code <registry>/<repository>}: the name policy entries are written against. */
  public String name() {
    return registry + "/" + repository;
  }

  /** What is pulled: the digest when there is one (it pins the content), else the tag. */
  public Optional<String> reference() {
    return digest.or(() -> tag);
  }

  /** The image as policy decides on it: ecosystem OCI, {@link #name()}, {@link #reference()}. */
  public PackageCoordinates asPackage() {
    return new PackageCoordinates(Ecosystem.OCI, name(), reference());
  }

  /** {@code registry/repository[:tag][@digest]}, as image references are written. */
  @Override
  public String toString() {
    return name() + tag.map(t -> ":" + t).orElse("") + digest.map(d -> "@" + d).orElse("");
  }
}
