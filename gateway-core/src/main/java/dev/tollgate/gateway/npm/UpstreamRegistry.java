package dev.tollgate.gateway.npm;

import dev.tollgate.adapter.npm.NpmNames;
import dev.tollgate.adapter.npm.PackumentFormat;
import dev.tollgate.gateway.cache.MetadataCache;
import dev.tollgate.gateway.upstream.MetadataResponse;
import dev.tollgate.gateway.upstream.UpstreamClient;
import dev.tollgate.gateway.upstream.UpstreamException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The upstream npm registry as the gateway sees it: packuments in the format the client asked for,
 * cached with single flight and stale serving.
 */
final class UpstreamRegistry {

  /** A packument in one format. */
  record Key(String name, PackumentFormat format) {}

  private final URI base;
  private final UpstreamClient client;
  private final long maxBytes;
  private final MetadataCache<Key, UpstreamPackument> cache;

  UpstreamRegistry(URI base, UpstreamClient client, long maxBytes, MetadataCache<Key, UpstreamPackument> cache) {
    this.base = base;
    this.client = client;
    this.maxBytes = maxBytes;
    this.cache = cache;
  }

  URI base() {
    return base;
  }

  CompletableFuture<MetadataCache.Cached<UpstreamPackument>> packument(String name, PackumentFormat format) {
    return cache.get(new Key(name, format), this::fetch);
  }

  private CompletableFuture<UpstreamPackument> fetch(Key key) {
    URI uri = base.resolve(NpmNames.encodeForPath(key.name()));
    return client.fetchMetadata(uri, List.of(key.format().upstreamAccept()), maxBytes).thenApply(UpstreamRegistry::toPackument);
  }

  private static UpstreamPackument toPackument(MetadataResponse response) {
    if (response.status() == 404 || response.status() == 410) {
      return new UpstreamPackument.Missing(response.status());
    }
    if (!response.ok()) {
      throw new CompletionException(new UpstreamException(UpstreamException.Kind.BAD_STATUS,
          "the upstream registry answered " + response.status() + " for " + response.uri()));
    }
    return new UpstreamPackument.Found(response.body());
  }
}
