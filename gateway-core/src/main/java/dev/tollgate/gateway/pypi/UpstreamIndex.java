package dev.tollgate.gateway.pypi;

import dev.tollgate.adapter.pypi.MalformedIndexException;
import dev.tollgate.adapter.pypi.SimpleApiCodec;
import dev.tollgate.gateway.cache.MetadataCache;
import dev.tollgate.gateway.config.GatewayConfig;
import dev.tollgate.gateway.upstream.MetadataResponse;
import dev.tollgate.gateway.upstream.UpstreamClient;
import dev.tollgate.gateway.upstream.UpstreamException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * The upstream Simple API as the gateway sees it: project pages fetched (JSON preferred, HTML
 * accepted), parsed off the event loop, and cached with single flight and stale serving.
 */
final class UpstreamIndex {

  private static final List<String> ACCEPT = List.of(SimpleApiCodec.UPSTREAM_ACCEPT);

  private final URI base;
  private final UpstreamClient client;
  private final long maxBytes;
  private final Executor workers;
  private final MetadataCache<String, UpstreamProject> cache;

  UpstreamIndex(GatewayConfig config, UpstreamClient client, MetadataCache<String, UpstreamProject> cache,
      Executor workers) {
    this.base = config.pypi().upstream();
    this.client = client;
    this.maxBytes = config.upstream().maxMetadataBytes();
    this.cache = cache;
    this.workers = workers;
  }

  /** The upstream's base URL (ends with a slash). */
  URI base() {
    return base;
  }

  /** The project's upstream page (normalised name), from the cache when fresh. */
  CompletableFuture<MetadataCache.Cached<UpstreamProject>> project(String project) {
    return cache.get(project, this::fetch);
  }

  private CompletableFuture<UpstreamProject> fetch(String project) {
    URI uri = base.resolve(project + "/");
    return client.fetchMetadata(uri, ACCEPT, maxBytes).thenApplyAsync(response -> parse(project, response), workers);
  }

  private static UpstreamProject parse(String project, MetadataResponse response) {
    if (response.status() == 404 || response.status() == 410) {
      return new UpstreamProject.Missing(response.status());
    }
    if (!response.ok()) {
      throw new CompletionException(new UpstreamException(UpstreamException.Kind.BAD_STATUS,
          "the upstream index answered " + response.status() + " for " + response.uri()));
    }
    try {
      return new UpstreamProject.Found(
          SimpleApiCodec.parseProjectPage(
          response.body(), response.contentType().orElse(null), response.uri().toString(), project));
    } catch (MalformedIndexException e) {
      throw new CompletionException(new UpstreamException(UpstreamException.Kind.BAD_STATUS,
          "the upstream index page for '" + project + "' is malformed: " + e.getMessage(), e));
    }
  }
}
