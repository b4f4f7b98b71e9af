package dev.tollgate.adapter.oci;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The manifest media types the gateway serves: OCI image manifest and index, Docker schema 2
 * manifest and manifest list. Docker schema 1 is refused: it is deprecated, and its signed form's
 * digest does not cover the bytes a client receives, so no digest could vouch for it.
 */
public enum ManifestMediaType {
  OCI_MANIFEST("application/vnd.oci.image.manifest.v1+json", false),
  OCI_INDEX("application/vnd.oci.image.index.v1+json", true),
  DOCKER_MANIFEST("application/vnd.docker.distribution.manifest.v2+json", false),
  DOCKER_MANIFEST_LIST("application/vnd.docker.distribution.manifest.list.v2+json", true);

  private static final List<String> SCHEMA_1 =
      List.of(
          "application/vnd.docker.distribution.manifest.v1+json",
          "application/vnd.docker.distribution.manifest.v1+prettyjws");

  private final String value;
  private final boolean index;

  ManifestMediaType(String value, boolean index) {
    this.value = value;
    this.index = index;
  }

  /** The media type string, as in {@code Content-Type} and {@code mediaType} fields. */
  public String value() {
    return value;
  }

  /** Whether documents of this type list other manifests (index, manifest list). */
  public boolean isIndex() {
    return index;
  }

  /**
   * The {@code Accept} values the gateway sends when it fetches a manifest itself: every type it
   * serves, as separate values (registries answer 404 when the stored type is not accepted).
   */
  public static List<String> acceptValues() {
    return List.of(OCI_MANIFEST.value, OCI_INDEX.value, DOCKER_MANIFEST.value, DOCKER_MANIFEST_LIST.value);
  }

  /**
   * The type a {@code Content-Type} header or {@code mediaType} field names, parameters and case
   * ignored; empty for other types.
   *
   * @throws IllegalArgumentException for Docker schema 1, which is refused outright
   */
  public static Optional<ManifestMediaType> fromValue(String contentType) {
    int semicolon = contentType.indexOf(';');
    String type =
        (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    if (SCHEMA_1.contains(type)) {
      throw new IllegalArgumentException(
          "Docker schema 1 manifests are not served: the format is deprecated and its digest does"
              + " not cover its signature");
    }
    for (ManifestMediaType candidate : values()) {
      if (candidate.value.equals(type)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return value;
  }
}
