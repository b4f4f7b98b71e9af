package dev.tollgate.gateway.config;

import dev.tollgate.policy.rules.Enforcement;
import dev.tollgate.policy.rules.PolicyMode;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The gateway's validated configuration: what {@code tollgate.yaml} says, after defaults and
 * environment overrides. Built only by {@link ConfigLoader}; every value here has been checked.
 */
public record GatewayConfig(
    Path configDir,
    Path dataDir,
    Server server,
    Pypi pypi,
    Npm npm,
    Policy policy,
    Cache cache,
    Upstream upstream,
    OciConfig oci,
    Sigstore sigstore) {

  /** The listening socket and HTTP limits. */
  public record Server(
      String host,
      int port,
      int maxInitialLineLength,
      int maxHeaderSize,
      int maxRequestBody,
      Duration idleTimeout,
      Duration shutdownGrace) {}

  /** The PyPI upstream: its Simple API base URL and the extra hosts its file links may point to. */
  public record Pypi(URI upstream, List<String> fileHosts) {}

  /**
   * The npm upstream registry. Empty when neither {@code tollgate.yaml} nor
   * {@code TOLLGATE_NPM_UPSTREAM} names one: the gateway then takes the registry from the user's own
   * npm configuration at start.
   */
  public record Npm(Optional<URI> upstream, Optional<PrivateRegistry> privateRegistry) {}

  /**
   * The organisation's own npm registry and the names that belong to it (whole scopes, or single
   * names). Those names are fetched only from here, never from the public upstream, also when this
   * registry answers 404 or is down: that is what defeats dependency confusion.
   */
  public record PrivateRegistry(URI upstream, List<String> scopes, List<String> names) {
    public PrivateRegistry {
      scopes = List.copyOf(scopes);
      names = List.copyOf(names);
    }

    /** Whether {@code name} ({@code @scope/name} or unscoped, lower case) belongs to the private registry. */
    public boolean owns(String name) {
      int slash = name.indexOf('/');
      return names.contains(name) || (name.startsWith("@") && slash > 0 && scopes.contains(name.substring(0, slash)));
    }
  }

  /** Where policy files live and how they apply. */
  public record Policy(PolicyMode mode, Enforcement enforcement, Path directory, Path popularDirectory) {}

  /** Metadata freshness and the artifact store's bound. */
  public record Cache(
      Duration metadataTtl,
      Duration metadataStaleFor,
      long metadataMaxEntries,
      long metadataMaxBytes,
      long artifactMaxBytes) {
    public Path artifactDir(Path dataDir) {
      return dataDir.resolve("cache").resolve("artifacts");
    }
  }

  /** How the gateway talks to upstreams. */
  public record Upstream(
      Duration connectTimeout, Duration readTimeout, int retries, long maxMetadataBytes, String userAgent) {}

  /**
   * The pinned Sigstore trusted roots (the shipped public-good root, plus private ones) that image
   * signatures are verified against, offline; merged in order.
   */
  public record Sigstore(List<Path> trustedRoots) {
    public Sigstore {
      trustedRoots = List.copyOf(trustedRoots);
    }
  }

  /** This configuration with {@code registry} as the npm upstream. */
  public GatewayConfig withNpmUpstream(URI registry) {
    return new GatewayConfig(configDir, dataDir, server, pypi, new Npm(Optional.of(registry), npm.privateRegistry()),
        policy, cache, upstream, oci, sigstore);
  }

  public Path auditLog() {
    return dataDir.resolve("audit.log");
  }

  public Path artifactDir() {
    return cache.artifactDir(dataDir);
  }
}
