package dev.tollgate.adapter.oci;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What the gateway needs from a manifest document: its type and digest, what it references, and
 * the fields the referrers API and signature checks read ({@code subject}, {@code artifactType},
 * annotations). Produced by {@link ManifestParser}; the bytes themselves are served unchanged.
 */
public sealed interface ParsedManifest {

  ManifestMediaType mediaType();

  /** The sha256 digest of the document's bytes. */
  Digest digest();

  /** The document's size in bytes. */
  long size();

  /** The manifest this one refers to (a signature's, an SBOM's image), if any. */
  Optional<Descriptor> subject();

  Optional<String> artifactType();

  Map<String, String> annotations();

  /**
   * This document as a descriptor in a referrers index: its {@code artifactType}, else for an
   * image manifest its config's media type, and its annotations (the distribution spec's rules).
   */
  Descriptor asReferrer();

  /** An image manifest (OCI or Docker schema 2): one config and its layers. */
  record ImageManifest(
      ManifestMediaType mediaType,
      Digest digest,
      long size,
      Descriptor config,
      List<Descriptor> layers,
      Optional<Descriptor> subject,
      Optional<String> artifactType,
      Map<String, String> annotations)
      implements ParsedManifest {

    public ImageManifest {
      Objects.requireNonNull(mediaType, "mediaType");
      Objects.requireNonNull(digest, "digest");
      Objects.requireNonNull(config, "config");
      Objects.requireNonNull(subject, "subject");
      Objects.requireNonNull(artifactType, "artifactType");
      layers = List.copyOf(layers);
      annotations = Map.copyOf(annotations);
    }

    /** The blobs a client may fetch on this manifest's behalf: the config, then the layers. */
    public List<Digest> blobDigests() {
      return Stream.concat(Stream.of(config), layers.stream())
          .map(Descriptor::digest)
          .toList();
    }

    @Override
    public Descriptor asReferrer() {
      return new Descriptor(
          mediaType.value(), digest, size, artifactType.or(() -> Optional.of(config.mediaType())), annotations);
    }
  }

  /** An image index (OCI) or manifest list (Docker): the child manifests, one per platform. */
  record ImageIndex(
      ManifestMediaType mediaType,
      Digest digest,
      long size,
      List<Descriptor> manifests,
      Optional<Descriptor> subject,
      Optional<String> artifactType,
      Map<String, String> annotations)
      implements ParsedManifest {

    public ImageIndex {
      Objects.requireNonNull(mediaType, "mediaType");
      Objects.requireNonNull(digest, "digest");
      Objects.requireNonNull(subject, "subject");
      Objects.requireNonNull(artifactType, "artifactType");
      manifests = List.copyOf(manifests);
      annotations = Map.copyOf(annotations);
    }

    /** The digests of the child manifests. */
    public List<Digest> childDigests() {
      return manifests.stream().map(Descriptor::digest).toList();
    }

    @Override
    public Descriptor asReferrer() {
      return new Descriptor(mediaType.value(), digest, size, artifactType, annotations);
    }
  }
}
