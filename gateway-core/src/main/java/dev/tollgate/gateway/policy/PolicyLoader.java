package dev.tollgate.gateway.policy;

import dev.tollgate.gateway.config.ConfigException;
import dev.tollgate.gateway.config.GatewayConfig;
import dev.tollgate.policy.coordinates.Ecosystem;
import dev.tollgate.policy.engine.PolicyEngine;
import dev.tollgate.policy.rules.PackagePolicy;
import dev.tollgate.policy.typosquat.ProtectedNames;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds the policy engines from the policy files ({@code pypi.yaml}, {@code npm.yaml}, {@code oci.yaml}) and popular-name lists. */
public final class PolicyLoader {

  /** The ecosystems whose policy files this loader reads. */
  public static final List<Ecosystem> ECOSYSTEMS = List.of(Ecosystem.PYPI, Ecosystem.NPM, Ecosystem.OCI);

  private PolicyLoader() {}

  /** The engine of the default set ({@code policy.directory}). */
  public static PolicyEngine load(GatewayConfig config, Clock clock) throws ConfigException {
    GatewayConfig.Policy policy = config.policy();
    return load(policy, policy.directory(), PopularNamesLoader.load(policy.popularDirectory()), clock);
  }

  /**
   * An engine for every policy set: {@link PolicyHolder#DEFAULT_SET} and each of {@code policy.sets}.
   * All files of all sets are validated; the first error stops the load.
   */
  public static Map<String, PolicyEngine> loadSets(GatewayConfig config, Clock clock) throws ConfigException {
    return loadSets(config, PopularNamesLoader.load(config.policy().popularDirectory()), clock);
  }

  /** As {@link #loadSets(GatewayConfig, Clock)}, with popular names already read. */
  public static Map<String, PolicyEngine> loadSets(GatewayConfig config, ProtectedNames popular, Clock clock)
      throws ConfigException {
    GatewayConfig.Policy policy = config.policy();
    Map<String, PolicyEngine> engines = new HashMap<>();
    for (Map.Entry<String, Path> set : directories(policy).entrySet()) {
      engines.put(set.getKey(), load(policy, set.getValue(), popular, clock));
    }
    return engines;
  }

  /** Each policy set's directory by name, the default set included. */
  public static Map<String, Path> directories(GatewayConfig.Policy policy) {
    Map<String, Path> directories = new HashMap<>(policy.sets());
    directories.put(PolicyHolder.DEFAULT_SET, policy.directory());
    return directories;
  }

  private static PolicyEngine load(GatewayConfig.Policy policy, Path directory, ProtectedNames popular, Clock clock)
      throws ConfigException {
    List<PackagePolicy> policies = new ArrayList<>();
    for (Ecosystem ecosystem : ECOSYSTEMS) {
      policies.add(PolicyFileLoader.load(ecosystem, directory.resolve(ecosystem.id() + ".yaml"),
          policy.mode(), policy.enforcement()));
    }
    return PolicyEngine.build(policies, popular, clock);
  }
}
