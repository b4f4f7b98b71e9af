package dev.tollgate.adapter.oci;

import java.util.Optional;

/**
 * Checks that manifest bytes are the ones asked for before anything is served or cached: a pull by
 * digest must hash to that digest, and an upstream's {@code Docker-Content-Digest} header, when
 * present, must name the same bytes. A registry that lies about either is refused, not trusted.
 */
public final class ManifestDigests {

  /** The header registries send with a manifest's digest. */
  public static final String HEADER = "Docker-Content-Digest";

  private ManifestDigests() {}

  /**
   * The digest the manifest is known by from now on: the requested one for a pull by digest, else
   * the header's, else the sha256 of the bytes.
   *
   * @throws MalformedManifestException when the bytes do not match the requested digest or the
   *     header, or the header is not a digest
   */
  public static Digest verify(byte[] manifest, Reference requested, Optional<String> contentDigestHeader)
      throws MalformedManifestException {
    Optional<Digest> announced;
    try {
      announced = contentDigestHeader.map(String::trim).map(Digest::parse);
    } catch (IllegalArgumentException e) {
      throw new MalformedManifestException(HEADER + ": " + e.getMessage(), e);
    }
    if (requested instanceof Digest digest) {
      requireMatch(manifest, digest, "the requested digest");
    }
    if (announced.isPresent()) {
      requireMatch(manifest, announced.get(), HEADER);
    }
    if (requested instanceof Digest digest) {
      return digest;
    }
    return announced.orElseGet(() -> Digest.compute(DigestAlgorithm.SHA256, manifest));
  }

  private static void requireMatch(byte[] manifest, Digest expected, String source)
      throws MalformedManifestException {
    Digest actual = Digest.compute(expected.algorithm(), manifest);
    if (!actual.equals(expected)) {
      throw new MalformedManifestException(
          "manifest bytes hash to " + actual + ", not to " + expected + " (" + source + ")");
    }
  }
}
