package dev.tollgate.gateway.policy;

import dev.tollgate.gateway.config.ConfigException;
import dev.tollgate.gateway.config.GatewayConfig;
import dev.tollgate.policy.coordinates.Ecosystem;
import dev.tollgate.policy.engine.PolicyEngine;
import dev.tollgate.policy.rules.PackagePolicy;
import java.time.Clock;
import java.util.List;

/** Builds the policy engine from the configured policy directory and popular-name lists. */
public final class PolicyLoader {

  private PolicyLoader() {}

  public static PolicyEngine load(GatewayConfig config, Clock clock) throws ConfigException {
    GatewayConfig.Policy policy = config.policy();
    PackagePolicy pypi = PolicyFileLoader.load(Ecosystem.PYPI, policy.directory().resolve("pypi.yaml"),
        policy.mode(), policy.enforcement());
    return PolicyEngine.build(List.of(pypi), PopularNamesLoader.load(policy.popularDirectory()), clock);
  }
}
