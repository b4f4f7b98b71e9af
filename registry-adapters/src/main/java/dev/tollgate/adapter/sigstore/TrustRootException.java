package dev.tollgate.adapter.sigstore;

/** A pinned {@code trusted_root.json} cannot be used: unreadable, malformed or failing the lint. */
public final class TrustRootException extends Exception {

  private static final long serialVersionUID = 1L;

  public TrustRootException(String message, Throwable cause) {
    super(message, cause);
  }

  public TrustRootException(String message) {
    super(message);
  }
}
