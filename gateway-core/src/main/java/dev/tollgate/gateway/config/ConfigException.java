package dev.tollgate.gateway.config;

/** A configuration or policy file that cannot be used; the message names the file, line and field. */
public final class ConfigException extends Exception {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
