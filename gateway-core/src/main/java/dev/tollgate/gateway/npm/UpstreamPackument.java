package dev.tollgate.gateway.npm;

import dev.tollgate.adapter.npm.VersionInfo;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** What the upstream registry says of a package: its packument, or that it has none (cached like a packument). */
sealed interface UpstreamPackument {

  /** Roughly the memory it takes, for the cache's bound: packuments range from a few KB to tens of MB. */
  default long weight() {
    return this instanceof Found found ? found.json().length : 64;
  }

  /**
   * A packument, with the facts of the versions asked for so far: reading one version's facts means
   * a pass over the whole document (tens of milliseconds for the largest), so they are kept as long
   * as the document is.
   */
  record Found(byte[] json, ConcurrentMap<String, Optional<VersionInfo>> versionFacts) implements UpstreamPackument {
    Found(byte[] json) {
      this(json, new ConcurrentHashMap<>());
    }

    /** Identity: one fetched document is one key of the rendering caches, however its facts grow. */
    @Override
    public boolean equals(Object other) {
      return this == other;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(this);
    }
  }

  record Missing(int status) implements UpstreamPackument {}
}
