package dev.tollgate.adapter.sigstore;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The digest a signature must bind, as OCI writes it ({@code sha256:<hex>}). Statements and log
 * entries compare against its algorithm name and raw bytes.
 */
public record ArtifactDigest(String algorithm, byte[] value) {

  /**
   * Parses {@code sha256:<64 hex>} or {@code sha512:<128 hex>}.
   *
   * @throws IllegalArgumentException for any other form
   */
  public static ArtifactDigest parse(String text) {
    String digest = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    if (digest.matches("sha256:[0-9a-f]{64}") || digest.matches("sha512:[0-9a-f]{128}")) {
      int colon = digest.indexOf(':');
      return new ArtifactDigest(digest.substring(0, colon), HexFormat.of().parseHex(digest.substring(colon + 1)));
    }
    throw new IllegalArgumentException("'" + text + "' is not sha256:<64 hex> or sha512:<128 hex>");
  }

  public String hex() {
    return HexFormat.of().formatHex(value);
  }

  @Override
  public String toString() {
    return algorithm + ":" + hex();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ArtifactDigest that && algorithm.equals(that.algorithm)
        && Arrays.equals(value, that.value);
  }

  @Override
  public int hashCode() {
    return algorithm.hashCode() * 31 + Arrays.hashCode(value);
  }
}
