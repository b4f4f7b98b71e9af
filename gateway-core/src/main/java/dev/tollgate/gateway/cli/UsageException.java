package dev.tollgate.gateway.cli;

/** A command line that cannot be understood; reported with a pointer to {@code --help}. */
public final class UsageException extends Exception {
  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message);
  }
}
