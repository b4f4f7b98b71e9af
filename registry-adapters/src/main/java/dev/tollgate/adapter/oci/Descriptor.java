package dev.tollgate.adapter.oci;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A reference from one manifest to content: a config, a layer, a child manifest, a subject. The
 * digest and size are what the content's bytes must match; {@code artifactType} and {@code
 * annotations} are what the referrers API reports about a referrer.
 */
public record Descriptor(
    String mediaType,
    Digest digest,
    long size,
    Optional<String> artifactType,
    Map<String, String> annotations) {

  public Descriptor {
    Objects.requireNonNull(mediaType, "mediaType");
    Objects.requireNonNull(digest, "digest");
    Objects.requireNonNull(artifactType, "artifactType");
    annotations = Map.copyOf(annotations);
    if (size < 0) {
      throw new IllegalArgumentException("size is negative");
    }
  }

  /** A descriptor with no artifact type and no annotations. */
  public static Descriptor of(String mediaType, Digest digest, long size) {
    return new Descriptor(mediaType, digest, size, Optional.empty(), Map.of());
  }
}
