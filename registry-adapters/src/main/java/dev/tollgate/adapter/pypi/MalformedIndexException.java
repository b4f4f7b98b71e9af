package dev.tollgate.adapter.pypi;

/**
 * An upstream simple-API page that cannot be read safely: wrong content type, broken syntax, a
 * field of the wrong type, an unsupported API major version. The gateway answers 502 and serves
 * nothing from the page, instead of guessing what the upstream meant.
 */
public final class MalformedIndexException extends Exception {
  private static final long serialVersionUID = 1L;

  public MalformedIndexException(String message) {
    super(message);
  }

  public MalformedIndexException(String message, Throwable cause) {
    super(message, cause);
  }
}
