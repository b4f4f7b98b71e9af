package dev.tollgate.gateway.npm;

/** What the upstream registry says of a package: its packument, or that it has none (cached like a packument). */
sealed interface UpstreamPackument {

  record Found(byte[] json) implements UpstreamPackument {}

  record Missing(int status) implements UpstreamPackument {}
}
