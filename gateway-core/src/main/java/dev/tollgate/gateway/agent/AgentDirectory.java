package dev.tollgate.gateway.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.tollgate.gateway.config.AgentTokens;
import dev.tollgate.gateway.config.ConfigException;
import dev.tollgate.gateway.config.GatewayConfig;
import dev.tollgate.gateway.config.YamlFieldLines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The agents the gateway knows, and who a presented token names. Tokens are held only as SHA-256
 * digests, and a presented token is compared with every one of them in constant time, so neither
 * memory nor timing gives a token away.
 */
public final class AgentDirectory {

  private static final ObjectMapper YAML = YAMLMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  private record Entry(byte[] sha256, Agent agent) {}

  private final List<Entry> entries;
  private final Optional<Agent> anonymous;
  private final Agent unauthenticated;

  private AgentDirectory(List<Entry> entries, Optional<Agent> anonymous, Agent unauthenticated) {
    this.entries = List.copyOf(entries);
    this.anonymous = anonymous;
    this.unauthenticated = unauthenticated;
  }

  /**
   * The agents of {@code config}: the tokens file's and the environment's. Every profile must name a
   * policy set in {@code policySets}, and every agent a defined profile.
   */
  public static AgentDirectory load(GatewayConfig.Agents config, Set<String> policySets) throws ConfigException {
    for (GatewayConfig.Profile profile : config.profiles().values()) {
      if (!policySets.contains(profile.policySet())) {
        throw new ConfigException("profiles." + profile.name() + ".policySet: there is no policy set '"
            + profile.policySet() + "' (known: " + String.join(", ", policySets.stream().sorted().toList()) + ")");
      }
    }
    List<GatewayConfig.AgentToken> tokens = new ArrayList<>(config.fromEnvironment());
    if (config.tokensFile().isPresent()) {
      tokens.addAll(readTokensFile(config.tokensFile().get(), config));
    }
    List<Entry> entries = new ArrayList<>();
    Set<String> names = new HashSet<>();
    Set<String> digests = new HashSet<>();
    for (GatewayConfig.AgentToken token : tokens) {
      if (!names.add(token.name())) {
        throw new ConfigException("agent '" + token.name() + "' is configured twice (tokens file and environment"
            + " together name each agent once)");
      }
      if (!digests.add(token.sha256())) {
        throw new ConfigException("agent '" + token.name() + "' has the same token as another agent; give each"
            + " agent its own token, so the audit log can tell them apart");
      }
      entries.add(new Entry(HexFormat.of().parseHex(token.sha256()),
          new Agent(token.name(), config.profiles().get(token.profile()))));
    }
    boolean anonymousAllowed = config.anonymousAllowed().orElse(entries.isEmpty());
    Agent anonymous = new Agent(Agent.ANONYMOUS, config.profiles().get(config.anonymousProfile()));
    return new AgentDirectory(entries, anonymousAllowed ? Optional.of(anonymous) : Optional.empty(), anonymous);
  }

  /** The agent a request without credentials acts as; empty when anonymous access is off. */
  public Optional<Agent> anonymous() {
    return anonymous;
  }

  /** Who a request that needs no token (a health check) is recorded as. */
  public Agent unauthenticated() {
    return unauthenticated;
  }

  /** The agent whose token {@code token} is; every configured token is compared, in constant time. */
  public Optional<Agent> byToken(String token) {
    byte[] presented = AgentTokens.digest(token);
    Agent found = null;
    for (Entry entry : entries) {
      if (MessageDigest.isEqual(presented, entry.sha256()) && found == null) {
        found = entry.agent();
      }
    }
    return Optional.ofNullable(found);
  }

  /** How many agents have tokens (for the start-up summary). */
  public int size() {
    return entries.size();
  }

  private static List<GatewayConfig.AgentToken> readTokensFile(Path file, GatewayConfig.Agents config)
      throws ConfigException {
    RawFile raw;
    try {
      raw = YAML.readValue(file.toFile(), RawFile.class);
    } catch (JsonProcessingException e) {
      throw new ConfigException(file + ":" + (e.getLocation() == null ? "" : e.getLocation().getLineNr() + ":")
          + " " + e.getOriginalMessage().lines().findFirst().orElse("invalid"), e);
    } catch (IOException e) {
      throw new ConfigException(file + ": cannot be read: " + e.getMessage(), e);
    }
    if (raw == null || raw.agents() == null) {
      return List.of();
    }
    YamlFieldLines lines = YamlFieldLines.of(file);
    List<GatewayConfig.AgentToken> tokens = new ArrayList<>();
    for (int i = 0; i < raw.agents().size(); i++) {
      RawAgent agent = raw.agents().get(i);
      String field = "agents[" + i + "]";
      String where = lines.nearestLine(field + ".name").map(l -> file + ":" + l).orElse(file.toString())
          + ": " + field;
      try {
        if (agent == null) {
          throw new IllegalArgumentException("is empty");
        }
        String name = AgentTokens.checkName(agent.name());
        if ((agent.token() == null) == (agent.sha256() == null)) {
          throw new IllegalArgumentException("needs exactly one of 'token' and 'sha256'");
        }
        String digest = agent.token() != null ? AgentTokens.hashChecked(agent.token())
            : AgentTokens.checkSha256(agent.sha256());
        String profile = agent.profile() == null ? GatewayConfig.Profile.DEFAULT : agent.profile();
        if (!config.profiles().containsKey(profile)) {
          throw new IllegalArgumentException("names the profile '" + profile + "', which 'profiles' in"
              + " tollgate.yaml does not define");
        }
        tokens.add(new GatewayConfig.AgentToken(name, digest, profile));
      } catch (IllegalArgumentException e) {
        throw new ConfigException(where + ": " + e.getMessage(), e);
      }
    }
    return tokens;
  }

  record RawFile(List<RawAgent> agents) {}

  record RawAgent(String name, String token, String sha256, String profile) {}
}
