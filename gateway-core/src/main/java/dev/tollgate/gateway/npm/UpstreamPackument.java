package dev.tollgate.gateway.npm;

/** What the upstream registry says of a package: its packument, or that it has none (cached like a packument). */
sealed interface UpstreamPackument {

  /** Roughly the memory it takes, for the cache's bound: packuments range from a few KB to tens of MB. */
  default long weight() {
    return this instanceof Found found ? found.json().length : 64;
  }

  record Found(byte[] json) implements UpstreamPackument {}

  record Missing(int status) implements UpstreamPackument {}
}
