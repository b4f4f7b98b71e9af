package dev.tollgate.adapter.sigstore;

/**
 * Thrown inside the verifiers at the first check that fails, carrying the failure that the
 * verdict reports; it never leaves this package's public API.
 */
final class SignatureCheckException extends Exception {

  private static final long serialVersionUID = 1L;

  private final transient SignatureFailure failure;

  SignatureCheckException(SignatureFailure.Kind kind, String detail) {
    super(detail, null, false, false);
    this.failure = new SignatureFailure(kind, detail);
  }

  SignatureFailure failure() {
    return failure;
  }

  /** The first line of an exception's message, or its class when it has none. */
  static String describe(Exception e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message.lines().findFirst().orElse("");
  }
}
