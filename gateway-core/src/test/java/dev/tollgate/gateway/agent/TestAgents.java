package dev.tollgate.gateway.agent;

import dev.tollgate.gateway.config.AgentTokens;
import dev.tollgate.gateway.config.ConfigException;
import dev.tollgate.gateway.config.GatewayConfig;
import dev.tollgate.gateway.metrics.GatewayMetrics;
import dev.tollgate.gateway.metrics.MetricsRegistry;
import dev.tollgate.policy.rules.Enforcement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Agent directories (and idle metrics) for tests of the server, built as the configuration would build them. */
public final class TestAgents {

  /** The default profile: the default policy set, enforced. */
  public static final GatewayConfig.Profile DEFAULT =
      new GatewayConfig.Profile("default", "default", Enforcement.ENFORCE);

  private TestAgents() {}

  /** Metrics nobody reads, for servers under test that are not about metrics. */
  public static GatewayMetrics metrics() {
    return new GatewayMetrics(new MetricsRegistry());
  }

  /** No tokens: everyone is the anonymous agent, as in a gateway without agent configuration. */
  public static AgentDirectory anonymousOnly() {
    return withTokens(Map.of());
  }

  /** The anonymous agent with the default profile. */
  public static Agent anonymous() {
    return new Agent(Agent.ANONYMOUS, DEFAULT);
  }

  /** Agents named by the keys, each with the value as its token, all of the default profile; no anonymous access. */
  public static AgentDirectory withTokens(Map<String, String> tokensByName) {
    List<GatewayConfig.AgentToken> tokens = new ArrayList<>();
    tokensByName.forEach((name, token) -> tokens.add(new GatewayConfig.AgentToken(name, AgentTokens.sha256(token),
        "default")));
    try {
      return AgentDirectory.load(new GatewayConfig.Agents(Optional.empty(), tokens, Optional.empty(), "default",
          Map.of("default", DEFAULT)), Set.of("default"));
    } catch (ConfigException e) {
      throw new IllegalStateException(e);
    }
  }
}
