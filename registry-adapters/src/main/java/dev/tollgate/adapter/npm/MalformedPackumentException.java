package dev.tollgate.adapter.npm;

/**
 * An upstream packument that cannot be read safely: broken JSON, a field of the wrong type, the
 * document of another package. The gateway answers 502 and serves nothing from it, instead of
 * guessing what the upstream meant.
 */
public final class MalformedPackumentException extends Exception {
  private static final long serialVersionUID = 1L;

  public MalformedPackumentException(String message) {
    super(message);
  }

  public MalformedPackumentException(String message, Throwable cause) {
    super(message, cause);
  }
}
