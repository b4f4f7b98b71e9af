package dev.tollgate.gateway.npm;

import dev.tollgate.gateway.config.GatewayConfig;
import java.util.Optional;

/**
 * Which upstream a package comes from: the private registry for the names and scopes the
 * organisation declared its own, the public one for everything else. A private name never falls
 * back to the public registry, whatever the private one answers (dependency confusion).
 */
final class Registries {

  private final UpstreamRegistry publicRegistry;
  private final Optional<UpstreamRegistry> privateRegistry;
  private final Optional<GatewayConfig.PrivateRegistry> privateNames;

  Registries(UpstreamRegistry publicRegistry, Optional<UpstreamRegistry> privateRegistry,
      Optional<GatewayConfig.PrivateRegistry> privateNames) {
    this.publicRegistry = publicRegistry;
    this.privateRegistry = privateRegistry;
    this.privateNames = privateNames;
  }

  boolean isPrivate(String name) {
    return privateNames.map(p -> p.owns(name)).orElse(false);
  }

  UpstreamRegistry forPackage(String name) {
    return isPrivate(name) ? privateRegistry.orElseThrow() : publicRegistry;
  }

  /** Why a package is missing, in words that say which registry was asked. */
  String missing(String name) {
    return isPrivate(name)
        ? "'" + name + "' does not exist on the private registry (its names are never fetched from the public one)"
        : "'" + name + "' does not exist on the upstream registry";
  }
}
