package dev.tollgate.adapter.sigstore;

/** The layer annotation keys cosign writes on the layers of a {@code sha256-<hex>.sig} manifest. */
public final class CosignAnnotations {

  public static final String SIGNATURE = "dev.cosignproject.cosign/signature";
  public static final String CERTIFICATE = "dev.sigstore.cosign/certificate";
  public static final String CHAIN = "dev.sigstore.cosign/chain";
  public static final String BUNDLE = "dev.sigstore.cosign/bundle";
  public static final String RFC3161_TIMESTAMP = "dev.sigstore.cosign/rfc3161timestamp";

  private CosignAnnotations() {}
}
