package dev.tollgate.gateway.agent;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.tollgate.gateway.config.GatewayConfig;
import dev.tollgate.gateway.policy.PolicyHolder;
import dev.tollgate.gateway.policy.PolicyLoader;
import dev.tollgate.policy.engine.PolicyEngine;
import java.util.Set;

/**
 * The policy engine that decides an agent's request: its profile's policy set, with refusals
 * turned into would-deny when the profile audits. Routes ask here instead of reading the holder,
 * so every decision is made for the agent that asked.
 */
public final class AgentPolicies {

  /**
   * The auditing twin of each engine in force, made once per engine (weakly held, so a replaced
   * engine's twin goes with it): renderings cached per engine stay shared between requests.
   */
  private static final Cache<PolicyEngine, PolicyEngine> AUDITING = Caffeine.newBuilder().weakKeys().build();

  private AgentPolicies() {}

  /** The engine for {@code agent}'s request, read once per request from {@code holder}. */
  public static PolicyEngine engine(PolicyHolder holder, Agent agent) {
    PolicyEngine engine = holder.current(agent.profile().policySet());
    return agent.profile().audits() ? AUDITING.get(engine, PolicyEngine::auditing) : engine;
  }

  /** The policy sets profiles may name. */
  public static Set<String> policySets(GatewayConfig config) {
    return PolicyLoader.directories(config.policy()).keySet();
  }
}
