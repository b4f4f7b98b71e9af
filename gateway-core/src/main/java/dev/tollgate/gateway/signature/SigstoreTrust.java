package dev.tollgate.gateway.signature;

import dev.tollgate.adapter.sigstore.TrustRoot;
import dev.tollgate.adapter.sigstore.TrustRootException;
import dev.tollgate.gateway.config.ConfigException;
import dev.tollgate.gateway.config.GatewayConfig;

/**
 * Loads the trusted roots {@code sigstore.trustedRoots} names at start, so an unreadable or
 * unsafe root stops the gateway with a configuration error rather than failing every pull.
 */
public final class SigstoreTrust {

  private SigstoreTrust() {}

  public static TrustRoot load(GatewayConfig.Sigstore sigstore) throws ConfigException {
    try {
      return TrustRoot.load(sigstore.trustedRoots());
    } catch (TrustRootException e) {
      throw new ConfigException("sigstore.trustedRoots: " + e.getMessage(), e);
    }
  }
}
