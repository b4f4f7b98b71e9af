package dev.tollgate.adapter.oci;

/**
 * An upstream manifest that cannot be read safely: too large, broken JSON, a field of the wrong
 * type, an unsupported media type or one that contradicts the {@code Content-Type}. The gateway
 * serves nothing from it instead of guessing what the upstream meant.
 */
public final class MalformedManifestException extends Exception {
  private static final long serialVersionUID = 1L;

  public MalformedManifestException(String message) {
    super(message);
  }

  public MalformedManifestException(String message, Throwable cause) {
    super(message, cause);
  }
}
