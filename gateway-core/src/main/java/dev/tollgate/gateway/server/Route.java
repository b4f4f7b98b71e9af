package dev.tollgate.gateway.server;

import java.nio.charset.StandardCharsets;

/** Serves the requests under one path prefix (an ecosystem, or the health checks). */
public interface Route {

  /** The path prefix this route serves, e.g. {@code /pypi/}; matched against the raw request path. */
  String prefix();

  /** Handles one GET or HEAD request; may answer later from another thread, but must answer exactly once. */
  void serve(Exchange exchange);

  /**
   * An error as this route's clients expect to read it: plain text by default; npm reads the
   * {@code error} field of a JSON body, OCI clients an {@code errors} list.
   */
  default ErrorBody errorBody(String message) {
    return new ErrorBody("text/plain; charset=utf-8", (message + "\n").getBytes(StandardCharsets.UTF_8));
  }

  /** The content type and bytes of an error response. */
  record ErrorBody(String contentType, byte[] bytes) {}
}
