package dev.tollgate.gateway.metrics;

import java.util.Locale;
import java.util.Set;

/**
 * The gateway's own metrics, named once here, and the hooks that update them: the pipeline reports
 * requests and bytes, the upstream client its latency and failures, and the decision recorder what
 * each audit line says (decision, cache answer, digest check), so metrics and audit log agree.
 */
public final class GatewayMetrics {

  /** Upper bounds of the upstream latency buckets, in seconds. */
  private static final double[] LATENCY_BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30};
  private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS");

  private final MetricsRegistry registry;
  private final Counter requests;
  private final Counter bytesServed;
  private final Counter decisions;
  private final Histogram upstreamLatency;
  private final Counter upstreamErrors;
  private final Counter cache;
  private final Counter verificationFailures;

  public GatewayMetrics(MetricsRegistry registry) {
    this.registry = registry;
    requests = registry.counter("tollgate_requests_total",
        "Requests answered, by ecosystem, method and status class.", "ecosystem", "method", "status");
    bytesServed = registry.counter("tollgate_response_bytes_total",
        "Response body bytes sent to clients, by ecosystem.", "ecosystem");
    decisions = registry.counter("tollgate_decisions_total",
        "Policy decisions, by ecosystem, verdict and the rule of the first reason.", "ecosystem", "verdict", "rule");
    upstreamLatency = registry.histogram("tollgate_upstream_request_duration_seconds",
        "Time from sending an upstream request to its response headers (each attempt), by kind.", LATENCY_BUCKETS,
        "kind");
    upstreamErrors = registry.counter("tollgate_upstream_errors_total",
        "Upstream requests that failed without a usable answer, by kind and why.", "kind", "error");
    cache = registry.counter("tollgate_cache_requests_total",
        "Answers served from the caches (hit, stale) or fetched (miss), by cache.", "cache", "result");
    verificationFailures = registry.counter("tollgate_verification_failures_total",
        "Artifacts whose bytes did not match the digest or size their index declared, by ecosystem.", "ecosystem");
  }

  /** The registry, for values others own (e.g. {@code registry().counterFrom("tollgate_policy_reloads_total", ...)}). */
  public MetricsRegistry registry() {
    return registry;
  }

  /** A response to a request on {@code path} with {@code method} began with {@code status}. */
  public void response(String path, String method, int status) {
    requests.labels(ecosystemOf(path), METHODS.contains(method) ? method : "other", (status / 100) + "xx")
        .increment();
  }

  /** {@code bytes} of a response body to a request on {@code path} were sent. */
  public void bytesServed(String path, long bytes) {
    bytesServed.labels(ecosystemOf(path)).add(bytes);
  }

  /** One upstream attempt of {@code kind} ({@code metadata}, {@code artifact}) got its response headers. */
  public void upstreamAnswered(String kind, long nanos) {
    upstreamLatency.labels(kind).observe(nanos / 1e9);
  }

  /** An upstream request of {@code kind} failed; {@code error} names how (timeout, unreachable, ...). */
  public void upstreamFailed(String kind, String error) {
    upstreamErrors.labels(kind, error.toLowerCase(Locale.ROOT)).increment();
  }

  /** A policy decision was made and audited; {@code rule} is its first reason's. */
  public void decided(String ecosystem, String verdict, String rule) {
    decisions.labels(ecosystem, verdict, rule).increment();
  }

  /** A page ({@code metadata}) or file ({@code artifact}) was served from the cache ({@code hit}, {@code stale}) or not. */
  public void cacheAnswered(String cache, String result) {
    this.cache.labels(cache, result).increment();
  }

  /** An artifact's bytes disagreed with the digest or size its index declared. */
  public void verificationFailed(String ecosystem) {
    verificationFailures.labels(ecosystem).increment();
  }

  /** The ecosystem a request path belongs to, as metrics label it. */
  static String ecosystemOf(String path) {
    if (path.startsWith("/pypi/")) {
      return "pypi";
    }
    if (path.startsWith("/npm/")) {
      return "npm";
    }
    if (path.startsWith("/v2/") || path.equals("/v2")) {
      return "oci";
    }
    return "other";
  }
}
