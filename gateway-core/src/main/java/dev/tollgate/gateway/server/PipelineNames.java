package dev.tollgate.gateway.server;

/**
 * Names of the handlers in a client connection's pipeline, in order:
 * {@link #CODEC} → {@link #METRICS} → {@link #IDLE} → {@link #IDLE_CLOSER} → {@link #KEEP_ALIVE} → {@link #GUARD}
 * → {@link #AUTHENTICATION} → {@link #AGGREGATOR} → {@link #ROUTER}.
 */
public final class PipelineNames {
  /** HTTP/1.1 decoding and encoding with limits on the request line and headers. */
  public static final String CODEC = "codec";
  /** Counts requests by ecosystem, method and status class, and the bytes served. */
  public static final String METRICS = "metrics";
  /** Fires an idle event when a connection has done nothing for the idle timeout. */
  public static final String IDLE = "idle";
  /** Closes idle connections. */
  public static final String IDLE_CLOSER = "idle-closer";
  /** Keeps connections open across requests unless a side asks to close. */
  public static final String KEEP_ALIVE = "keep-alive";
  /** Joins a request's parts; the gateway is read-only, so bodies are small and bounded. */
  public static final String AGGREGATOR = "aggregator";
  /** Answers malformed or unsupported requests with a 4xx as soon as their head arrives. */
  public static final String GUARD = "guard";
  /** Names the agent behind each request from its token, or answers 401 before anything else happens. */
  public static final String AUTHENTICATION = "authentication";
  /** Hands each request to the route for its path. */
  public static final String ROUTER = "router";

  private PipelineNames() {}
}
