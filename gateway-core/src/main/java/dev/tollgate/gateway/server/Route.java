package dev.tollgate.gateway.server;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

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
    return plainError(message);
  }

  /** An error as plain text: for routes without a format of their own, and for paths no route serves. */
  static ErrorBody plainError(String message) {
    return new ErrorBody("text/plain; charset=utf-8", (message + "\n").getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Whether requests need an agent's token (or anonymous access); false for what orchestrators and
   * probes call without one, such as the health checks.
   */
  default boolean requiresAgent() {
    return true;
  }

  /** The route that serves {@code uri}: the first whose prefix the target starts with (or is, less a slash). */
  static Optional<Route> matching(List<Route> routes, String uri) {
    for (Route route : routes) {
      if (uri.startsWith(route.prefix()) || (uri + "/").equals(route.prefix())) {
        return Optional.of(route);
      }
    }
    return Optional.empty();
  }

  /** The content type and bytes of an error response. */
  record ErrorBody(String contentType, byte[] bytes) {}
}
