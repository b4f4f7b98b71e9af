package dev.tollgate.adapter.sigstore.testing;

import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a test pushes to a registry for one signature: a manifest (under {@code tag}, or by digest
 * when the tag is {@code null}) and the blobs it references, keyed by digest.
 */
public record OciArtifact(String tag, String mediaType, byte[] manifest, Map<String, byte[]> blobs) {

  public OciArtifact {
    blobs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(blobs));
  }

  /** {@code sha256:<hex>} of the manifest bytes. */
  public String manifestDigest() {
    return digest(manifest);
  }

  static String digest(byte[] content) {
    return "sha256:" + HexFormat.of().formatHex(FakeKeys.sha256(content));
  }
}
