package dev.tollgate.adapter.sigstore;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** Test digests of made-up manifests. */
final class OciDigests {

  private OciDigests() {}

  static String of(String content) {
    return "sha256:" + HexFormat.of().formatHex(BundleVerifier.sha256(content.getBytes(StandardCharsets.UTF_8)));
  }
}
