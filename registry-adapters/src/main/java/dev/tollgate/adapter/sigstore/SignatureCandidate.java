package dev.tollgate.adapter.sigstore;

import java.util.Map;
import java.util.Objects;

/**
 * One signature the OCI route found for an image, as plain bytes it fetched: a cosign
 * tag-scheme layer (the simple-signing payload blob plus the layer's annotations) or a Sigstore
 * bundle blob reached through the referrers API. {@code source} says where it came from (e.g.
 * the layer digest) so verdicts can point at it.
 */
public record SignatureCandidate(Format format, String source, byte[] content, Map<String, String> annotations) {

  /** How the bytes are to be read. */
  public enum Format {
    /** A layer of a {@code sha256-<hex>.sig} manifest. */
    COSIGN_SIMPLE_SIGNING,
    /** A Sigstore bundle JSON (v0.1 to v0.3). */
    SIGSTORE_BUNDLE
  }

  public SignatureCandidate {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(content, "content");
    annotations = Map.copyOf(annotations);
  }

  public static SignatureCandidate cosignLayer(String source, byte[] payload, Map<String, String> annotations) {
    return new SignatureCandidate(Format.COSIGN_SIMPLE_SIGNING, source, payload, annotations);
  }

  public static SignatureCandidate bundle(String source, byte[] bundleJson) {
    return new SignatureCandidate(Format.SIGSTORE_BUNDLE, source, bundleJson, Map.of());
  }
}
