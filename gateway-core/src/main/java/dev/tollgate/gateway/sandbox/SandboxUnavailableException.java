package dev.tollgate.gateway.sandbox;

/** The sandbox cannot be set up here (not Linux, a tool missing, the gateway unreachable); nothing was started. */
public final class SandboxUnavailableException extends Exception {
  private static final long serialVersionUID = 1L;

  public SandboxUnavailableException(String message) {
    super(message);
  }
}
