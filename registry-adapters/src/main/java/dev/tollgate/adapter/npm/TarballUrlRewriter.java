package dev.tollgate.adapter.npm;

/**
 * Gives the URL under which the gateway serves a version's tarball. Clients fetch whatever {@code
 * dist.tarball} says, so every URL they see must lead back through the gateway (see {@link
 * NpmPaths#tarballPath} for the path part).
 */
@FunctionalInterface
public interface TarballUrlRewriter {

  /** The URL to write into {@code dist.tarball} instead of {@code upstreamUrl}. */
  String rewrite(String name, String version, String upstreamUrl);
}
