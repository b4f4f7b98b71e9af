package dev.tollgate.gateway.upstream;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** How an upstream failure is answered: 504 for a timeout, 502 for anything else, and a sentence saying why. */
public final class UpstreamFailures {

  private UpstreamFailures() {}

  /** The failure behind completion wrappers. */
  public static Throwable cause(Throwable error) {
    Throwable t = error;
    while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
      t = t.getCause();
    }
    return UpstreamClient.classify(t);
  }

  public static int status(Throwable error) {
    Throwable cause = cause(error);
    if (cause instanceof UpstreamException u && u.kind() == UpstreamException.Kind.TIMEOUT) {
      return 504;
    }
    return 502;
  }

  public static String describe(Throwable error) {
    Throwable cause = cause(error);
    String message = cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    return "Upstream unavailable: " + message;
  }
}
