package dev.tollgate.gateway.upstream;

import dev.tollgate.gateway.config.GatewayConfig;
import dev.tollgate.gateway.metrics.GatewayMetrics;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.BodySubscribers;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;

/**
 * The one way out of the gateway to upstream registries, shared by every adapter: pooled HTTP/1.1
 * connections with TLS (the JDK's client), connect and read timeouts, retries for idempotent GETs
 * before any byte has been passed on, and redirects followed only for artifact downloads (never from
 * https to http). Its threads are the executor it is given, which the owner shuts down.
 */
public final class UpstreamClient {

  private static final Set<Integer> RETRYABLE = Set.of(502, 503, 504);
  private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
  private static final int MAX_REDIRECTS = 5;

  private static final String METADATA = "metadata";
  private static final String ARTIFACT = "artifact";

  private final HttpClient http;
  private final GatewayConfig.Upstream config;
  private final Executor executor;
  private final GatewayMetrics metrics;

  public UpstreamClient(GatewayConfig.Upstream config, Executor executor, GatewayMetrics metrics) {
    this.config = config;
    this.executor = executor;
    this.metrics = metrics;
    this.http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(config.connectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER)
        .executor(executor)
        .build();
  }

  /**
   * GETs a metadata document: gzip-decoded, at most {@code maxBytes}, redirects not followed. Any status
   * is a result (only a 200 carries a body); connection failures and 502/503/504 are retried first.
   * Transport failures end in an {@link UpstreamException}.
   */
  public CompletableFuture<MetadataResponse> fetchMetadata(URI uri, List<String> accept, long maxBytes) {
    HttpRequest.Builder request = request(uri).header("Accept-Encoding", "gzip");
    accept.forEach(a -> request.header("Accept", a));
    HttpRequest built = request.build();
    BodyHandler<byte[]> handler = info -> info.statusCode() == 200
        ? new CappedBodySubscriber(maxBytes, uri.toString())
        : BodySubscribers.replacing(new byte[0]);
    return withRetries(timed(METADATA, built, handler), config.retries(), METADATA)
        .thenApply(response -> toMetadata(uri, response, maxBytes));
  }

  /**
   * GETs an artifact and hands a 200's body to the subscriber {@code onOk} makes, following up to five
   * redirects ({@code allowHttp} false: only to https). Retries happen only while no byte has been
   * handed on. The future completes when the response headers are in; a non-200 final status is returned
   * with its body discarded.
   */
  public CompletableFuture<HttpResponse<Void>> download(
      URI uri, boolean allowHttp, Function<HttpResponse.ResponseInfo, BodySubscriber<Void>> onOk) {
    return download(uri, allowHttp, Map.of(), onOk);
  }

  /**
   * As {@link #download(URI, boolean, Function)}, sending {@code headers} (such as a registry's
   * {@code Authorization}) to {@code uri}'s own host only: a redirect elsewhere (a CDN's signed URL)
   * gets none of them.
   */
  public CompletableFuture<HttpResponse<Void>> download(URI uri, boolean allowHttp, Map<String, List<String>> headers,
      Function<HttpResponse.ResponseInfo, BodySubscriber<Void>> onOk) {
    return downloadFrom(uri, allowHttp, onOk, 0, origin -> sameAuthority(origin, uri) ? headers : Map.of());
  }

  private CompletableFuture<HttpResponse<Void>> downloadFrom(URI uri, boolean allowHttp,
      Function<HttpResponse.ResponseInfo, BodySubscriber<Void>> onOk, int hops,
      Function<URI, Map<String, List<String>>> headersFor) {
    HttpRequest.Builder builder = request(uri).header("Accept-Encoding", "identity");
    headersFor.apply(uri).forEach((name, values) -> values.forEach(v -> builder.header(name, v)));
    HttpRequest built = builder.build();
    BodyHandler<Void> handler = info -> info.statusCode() == 200 ? onOk.apply(info) : BodySubscribers.discarding();
    return withRetries(timed(ARTIFACT, built, handler), config.retries(), ARTIFACT).thenCompose(response -> {
      if (!REDIRECTS.contains(response.statusCode())) {
        return CompletableFuture.completedFuture(response);
      }
      if (hops >= MAX_REDIRECTS) {
        return CompletableFuture.failedFuture(new UpstreamException(UpstreamException.Kind.BAD_STATUS,
            "more than " + MAX_REDIRECTS + " redirects from " + uri));
      }
      URI next;
      try {
        next = uri.resolve(response.headers().firstValue("Location").orElseThrow());
      } catch (RuntimeException e) {
        return CompletableFuture.failedFuture(new UpstreamException(UpstreamException.Kind.BAD_STATUS,
            "redirect without a valid Location from " + uri));
      }
      String scheme = next.getScheme() == null ? "" : next.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
        return CompletableFuture.failedFuture(new UpstreamException(UpstreamException.Kind.REDIRECT_REFUSED,
            "refused to follow a redirect from " + uri + " to " + next + " (only https is followed)"));
      }
      return downloadFrom(next, allowHttp, onOk, hops + 1, headersFor);
    });
  }

  /**
   * Sends a GET or HEAD with {@code headers} (repeated values become repeated lines, as registries
   * need for {@code Accept}) and reads a 200's body up to {@code maxBytes}, undecoded: the bytes are
   * exactly what the upstream sent, so their digest can be checked. Redirects are not followed; any
   * status is a result, after retries of connection failures and 502/503/504.
   */
  public CompletableFuture<HttpResponse<byte[]>> fetch(URI uri, boolean head, Map<String, List<String>> headers,
      long maxBytes) {
    HttpRequest.Builder request = request(uri).header("Accept-Encoding", "identity");
    if (head) {
      request.method("HEAD", HttpRequest.BodyPublishers.noBody());
    }
    headers.forEach((name, values) -> values.forEach(v -> request.header(name, v)));
    HttpRequest built = request.build();
    BodyHandler<byte[]> handler = info -> info.statusCode() == 200 && !head
        ? new CappedBodySubscriber(maxBytes, uri.toString())
        : BodySubscribers.replacing(new byte[0]);
    return withRetries(timed(METADATA, built, handler), config.retries(), METADATA);
  }

  private static boolean sameAuthority(URI a, URI b) {
    return a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost() != null
        && a.getHost().equalsIgnoreCase(b.getHost()) && a.getPort() == b.getPort();
  }

  private HttpRequest.Builder request(URI uri) {
    return HttpRequest.newBuilder(uri).GET().timeout(config.readTimeout()).header("User-Agent", config.userAgent());
  }

  /** One attempt at {@code request}, whose time to response headers is measured as {@code kind}. */
  private <T> Supplier<CompletableFuture<HttpResponse<T>>> timed(String kind, HttpRequest request,
      BodyHandler<T> handler) {
    return () -> {
      long start = System.nanoTime();
      return http.sendAsync(request, info -> {
        metrics.upstreamAnswered(kind, System.nanoTime() - start);
        return handler.apply(info);
      });
    };
  }

  private <T> CompletableFuture<HttpResponse<T>> withRetries(
      Supplier<CompletableFuture<HttpResponse<T>>> attempt, int retriesLeft, String kind) {
    return attempt.get().handle((response, error) -> {
      boolean retry = retriesLeft > 0
          && (error != null ? isTransient(unwrap(error)) : RETRYABLE.contains(response.statusCode()));
      if (retry) {
        Executor later = CompletableFuture.delayedExecutor(
            100L * (3 - Math.min(retriesLeft, 2)), TimeUnit.MILLISECONDS, executor);
        return CompletableFuture.supplyAsync(() -> null, later)
            .thenCompose(ignored -> this.<T>withRetries(attempt, retriesLeft - 1, kind));
      }
      if (error != null) {
        Throwable failure = classify(unwrap(error));
        metrics.upstreamFailed(kind, failure instanceof UpstreamException u ? u.kind().name() : "other");
        return CompletableFuture.<HttpResponse<T>>failedFuture(failure);
      }
      if (response.statusCode() >= 500) {
        metrics.upstreamFailed(kind, "status_5xx");
      }
      return CompletableFuture.completedFuture(response);
    }).thenCompose(Function.identity());
  }

  private static boolean isTransient(Throwable error) {
    return error instanceof IOException && !(error instanceof UpstreamException);
  }

  private static Throwable unwrap(Throwable error) {
    Throwable t = error;
    while (t instanceof CompletionException && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  /** Maps a transport failure to an {@link UpstreamException}. */
  static Throwable classify(Throwable error) {
    if (error instanceof UpstreamException) {
      return error;
    }
    if (error instanceof HttpConnectTimeoutException || error instanceof ConnectException) {
      return new UpstreamException(UpstreamException.Kind.UNREACHABLE, "cannot connect: " + describe(error), error);
    }
    if (error instanceof HttpTimeoutException) {
      return new UpstreamException(UpstreamException.Kind.TIMEOUT, "no answer in time: " + describe(error), error);
    }
    if (error instanceof IOException) {
      return new UpstreamException(UpstreamException.Kind.UNREACHABLE, describe(error), error);
    }
    return error;
  }

  private static String describe(Throwable error) {
    return error.getMessage() != null ? error.getMessage() : error.getClass().getSimpleName();
  }

  private static MetadataResponse toMetadata(URI uri, HttpResponse<byte[]> response, long maxBytes) {
    byte[] body = response.body();
    if (response.statusCode() == 200
        && response.headers().firstValue("Content-Encoding").map(v -> v.trim().equalsIgnoreCase("gzip")).orElse(false)) {
      body = gunzip(body, uri, maxBytes);
    }
    return new MetadataResponse(response.statusCode(), response.uri(),
        response.headers().firstValue("Content-Type"), body);
  }

  private static byte[] gunzip(byte[] compressed, URI uri, long maxBytes) {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
      byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      if (body.length > maxBytes) {
        throw new CompletionException(new UpstreamException(UpstreamException.Kind.TOO_LARGE,
            uri + " decompresses to more than the " + maxBytes + "-byte bound for metadata"));
      }
      return body;
    } catch (IOException e) {
      throw new CompletionException(new UpstreamException(UpstreamException.Kind.BAD_STATUS,
          "corrupt gzip body from " + uri + ": " + e.getMessage(), e));
    }
  }

  /** The read timeout, for callers that watch a streaming body for stalls. */
  public Duration readTimeout() {
    return config.readTimeout();
  }
}
