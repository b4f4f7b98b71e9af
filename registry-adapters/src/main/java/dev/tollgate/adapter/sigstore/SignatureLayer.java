package dev.tollgate.adapter.sigstore;

import java.util.Map;

/**
 * A blob a signature manifest points at, to be fetched (size-capped, digest-checked) and turned
 * into a {@link SignatureCandidate}: its descriptor plus the annotations cosign put on it.
 */
public record SignatureLayer(String digest, String mediaType, long size, Map<String, String> annotations) {

  public SignatureLayer {
    annotations = Map.copyOf(annotations);
  }

  /** The candidate once the route has fetched this layer's bytes. */
  public SignatureCandidate toCandidate(byte[] blob) {
    return mediaType.equals(SignatureManifests.COSIGN_LAYER_TYPE)
        ? SignatureCandidate.cosignLayer(digest, blob, annotations)
        : SignatureCandidate.bundle(digest, blob);
  }
}
