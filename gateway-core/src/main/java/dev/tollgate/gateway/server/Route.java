package dev.tollgate.gateway.server;

/** Serves the requests under one path prefix (an ecosystem, or the health checks). */
public interface Route {

  /** The path prefix this route serves, e.g. {@code /pypi/}; matched against the raw request path. */
  String prefix();

  /** Handles one request; may answer later from another thread, but must answer exactly once. */
  void serve(Exchange exchange);
}
