package dev.tollgate.gateway.policy;

import dev.tollgate.gateway.config.ConfigException;
import dev.tollgate.gateway.config.GatewayConfig;
import dev.tollgate.policy.coordinates.Ecosystem;
import dev.tollgate.policy.engine.PolicyEngine;
import dev.tollgate.policy.rules.PackagePolicy;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Builds the policy engine from the policy files ({@code pypi.yaml}, {@code npm.yaml}, {@code oci.yaml}) and popular-name lists. */
public final class PolicyLoader {

  private PolicyLoader() {}

  public static PolicyEngine load(GatewayConfig config, Clock clock) throws ConfigException {
    GatewayConfig.Policy policy = config.policy();
    List<PackagePolicy> policies = new ArrayList<>();
    for (Ecosystem ecosystem : List.of(Ecosystem.PYPI, Ecosystem.NPM, Ecosystem.OCI)) {
      policies.add(PolicyFileLoader.load(ecosystem, policy.directory().resolve(ecosystem.id() + ".yaml"),
          policy.mode(), policy.enforcement()));
    }
    return PolicyEngine.build(policies, PopularNamesLoader.load(policy.popularDirectory()), clock);
  }
}
