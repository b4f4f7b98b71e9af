package dev.tollgate.adapter.sigstore;

/**
 * Where signatures of a manifest live in its repository: cosign's {@code sha256-<hex>.sig} tag,
 * and the OCI referrers tag schema ({@code sha256-<hex>}) for registries without a referrers API.
 */
public final class CosignTags {

  private CosignTags() {}

  /** The cosign signature tag for {@code sha256:<hex>}. */
  public static String signatureTag(String manifestDigest) {
    return referrersTag(manifestDigest) + ".sig";
  }

  /** The referrers fallback tag for {@code sha256:<hex>}. */
  public static String referrersTag(String manifestDigest) {
    return ArtifactDigest.parse(manifestDigest).toString().replace(':', '-');
  }
}
