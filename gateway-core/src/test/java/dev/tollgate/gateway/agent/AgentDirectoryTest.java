package dev.tollgate.gateway.agent;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.gateway.config.AgentTokens;
import dev.tollgate.gateway.config.ConfigException;
import dev.tollgate.gateway.config.ConfigLoader;
import dev.tollgate.gateway.config.GatewayConfig;
import dev.tollgate.policy.rules.Enforcement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Agents as an operator configures them: tollgate.yaml's profiles, the tokens file and the environment. */
class AgentDirectoryTest {

  private static final String CI_TOKEN = "ci-token-0123456789abcdef";
  private static final String BOT_TOKEN = "bot-token-0123456789abcdef";

  @TempDir Path dir;

  private AgentDirectory load(String tollgateYaml, String tokensYaml, Map<String, String> env) throws Exception {
    Files.writeString(dir.resolve(ConfigLoader.FILE_NAME), tollgateYaml);
    if (tokensYaml != null) {
      Files.writeString(dir.resolve("agents.yaml"), tokensYaml);
    }
    GatewayConfig config = ConfigLoader.load(dir, env);
    return AgentDirectory.load(config.agents(), AgentPolicies.policySets(config));
  }

  @Test
  void withoutTokensEveryoneIsTheAnonymousAgent() throws Exception {
    AgentDirectory agents = load("{}\n", null, Map.of());

    assertEquals(Optional.of(new Agent("anonymous", TestAgents.DEFAULT)), agents.anonymous());
  }

  @Test
  void tokensFromTheFileAndTheEnvironmentNameTheirAgentsAndProfiles() throws Exception {
    AgentDirectory agents = load("""
        agents: { tokensFile: agents.yaml }
        profiles:
          trial: { enforcement: audit }
        """, """
        agents:
          - name: ci
            sha256: "%s"
          - name: bot
            token: "%s"
            profile: trial
        """.formatted(AgentTokens.sha256(CI_TOKEN), BOT_TOKEN),
        Map.of("TOLLGATE_AGENT_TOKENS", "sandbox@trial=sandbox-token-0123456789"));

    GatewayConfig.Profile trial = new GatewayConfig.Profile("trial", "default", Enforcement.AUDIT);
    assertAll(
        () -> assertEquals(Optional.of(new Agent("ci", TestAgents.DEFAULT)), agents.byToken(CI_TOKEN)),
        () -> assertEquals(Optional.of(new Agent("bot", trial)), agents.byToken(BOT_TOKEN)),
        () -> assertEquals(Optional.of(new Agent("sandbox", trial)), agents.byToken("sandbox-token-0123456789")),
        () -> assertEquals(Optional.empty(), agents.byToken(CI_TOKEN + "x")),
        () -> assertEquals(Optional.empty(), agents.anonymous(), "anonymous access ends once a token exists"));
  }

  @Test
  void anonymousAccessCanBeKeptBesideTokensWithItsOwnProfile() throws Exception {
    AgentDirectory agents = load("""
        agents: { anonymous: { allowed: true, profile: trial } }
        profiles: { trial: { enforcement: audit } }
        """, null, Map.of("TOLLGATE_AGENT_TOKENS", "ci=" + CI_TOKEN));

    assertTrue(agents.anonymous().orElseThrow().profile().audits());
    assertTrue(agents.byToken(CI_TOKEN).isPresent());
  }

  @Test
  void anonymousAccessCanBeSwitchedOffWithoutTokens() throws Exception {
    assertFalse(load("agents: { anonymous: { allowed: false } }\n", null, Map.of()).anonymous().isPresent());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      a short token              | - { name: ci, token: short }                        | agents.yaml:2: agents[0]: a token is at least 16
      both token and sha256      | - { name: ci, token: ci-token-0123456789abcdef, sha256: ab } | needs exactly one of 'token' and 'sha256'
      a bad sha256               | - { name: ci, sha256: xyz }                          | a sha256 is 64 hex digits
      an unknown profile         | - { name: ci, token: ci-token-0123456789abcdef, profile: nope } | names the profile 'nope'
      a bad name                 | - { name: 'c i', token: ci-token-0123456789abcdef }   | agent and profile names are 1-64 letters
      an unknown key             | - { name: ci, tokn: ci-token-0123456789abcdef }      | agents.yaml:2
      """)
  void aBadTokensFileIsRefusedNamingFileLineAndWhy(String label, String entry, String message) {
    ConfigException e = assertThrows(ConfigException.class,
        () -> load("agents: { tokensFile: agents.yaml }\n", "agents:\n  " + entry + "\n", Map.of()));
    assertTrue(e.getMessage().contains(message), e.getMessage());
    assertFalse(e.getMessage().contains("ci-token-0123456789abcdef"), "errors never quote a token: " + e.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      two agents, one token   | a=ci-token-0123456789abcdef b=ci-token-0123456789abcdef | has the same token as another agent
      one agent twice         | a=ci-token-0123456789abcdef a=bot-token-0123456789abcdef | is configured twice
      an unknown profile      | a@nope=ci-token-0123456789abcdef                       | names the profile 'nope'
      not name=token          | ci-token-0123456789abcdef                              | entry 1 is not name=token
      """)
  void badEnvironmentTokensAreRefused(String label, String value, String message) {
    Exception e = assertThrows(ConfigException.class, () -> load("{}\n", null, Map.of("TOLLGATE_AGENT_TOKENS", value)));
    assertTrue(e.getMessage().contains(message), e.getMessage());
    assertFalse(e.getMessage().contains("0123456789abcdef"), "errors never quote a token: " + e.getMessage());
  }

  @Test
  void aProfileMustNameAKnownPolicySet() throws Exception {
    Files.writeString(dir.resolve(ConfigLoader.FILE_NAME), "profiles: { strict: { policySet: strict } }\n");
    GatewayConfig config = ConfigLoader.load(dir, Map.of());

    ConfigException e = assertThrows(ConfigException.class,
        () -> AgentDirectory.load(config.agents(), Set.of("default")));
    assertEquals("profiles.strict.policySet: there is no policy set 'strict' (known: default)", e.getMessage());
  }
}
