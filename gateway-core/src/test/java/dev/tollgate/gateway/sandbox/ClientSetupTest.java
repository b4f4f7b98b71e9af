package dev.tollgate.gateway.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The settings that point every package client in the sandbox at the gateway. */
class ClientSetupTest {

  private static final ClientSetup ANONYMOUS = new ClientSetup(8080, Optional.empty(), List.of());
  private static final ClientSetup AGENT = new ClientSetup(8080,
      Optional.of(new AgentCredentials("ci-agent", "t@k:en/1")), List.of());

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "PIP_FIND_LINKS", "PIP_EXTRA_INDEX_URL", "npm_config_registry", "NPM_CONFIG_USERCONFIG", "YARN_REGISTRY",
      "UV_INDEX_URL", "UV_EXTRA_INDEX_URL", "https_proxy", "HTTP_PROXY", "CONTAINERS_REGISTRIES_CONF",
      "REGISTRY_AUTH_FILE", "DOCKER_HOST", "XDG_CONFIG_HOME", "XDG_RUNTIME_DIR", "PWD"})
  void aHostSettingThatPointsElsewhereIsNotInherited(String name) {
    Map<String, String> env = ANONYMOUS.environment(Map.of(name, "/somewhere/else"));

    assertFalse("/somewhere/else".equals(env.get(name)), () -> name + " kept: " + env);
  }

  @Test
  void everythingElseIsInheritedAndTheClientsPointAtTheGateway() {
    Map<String, String> env = ANONYMOUS.environment(Map.of("PATH", "/usr/bin", "ANTHROPIC_API_KEY", "k",
        "UV_PYTHON", "3.11"));

    assertEquals("/usr/bin", env.get("PATH"));
    assertEquals("k", env.get("ANTHROPIC_API_KEY"));
    assertEquals("3.11", env.get("UV_PYTHON"));
    assertEquals("http://127.0.0.1:8080/pypi/simple/", env.get("PIP_INDEX_URL"));
    assertEquals("http://127.0.0.1:8080/pypi/simple/", env.get("UV_DEFAULT_INDEX"));
    assertEquals("http://127.0.0.1:8080/npm/", env.get("npm_config_registry"));
    assertEquals("http://127.0.0.1:8080/npm", env.get("YARN_NPM_REGISTRY_SERVER"));
    assertEquals("/run/tollgate/registries.conf", env.get("CONTAINERS_REGISTRIES_CONF"));
    assertEquals("/tmp/home", env.get("HOME"));
    assertFalse(env.containsKey("REGISTRY_AUTH_FILE"), "no credentials, no auth file");
  }

  @Test
  void anonymousClientsGetNoTokenAnywhere() {
    assertFalse(ANONYMOUS.files().containsKey("auth.json"));
    ANONYMOUS.files().values().forEach(text -> assertFalse(text.contains("uthToken"), text));
  }

  @Test
  void theTokenIsEscapedForEachPlaceItGoes() {
    Map<String, String> files = AGENT.files();

    assertEquals("http://ci-agent:t%40k%3Aen%2F1@127.0.0.1:8080/pypi/simple/", AGENT.pypiIndexUrl());
    assertTrue(files.get("npmrc").contains("\n//127.0.0.1:8080/npm/:_authToken=t@k:en/1\n"), files.get("npmrc"));
    assertTrue(files.get("yarnrc.yml").contains("\nnpmAuthToken: \"t@k:en/1\"\n"), files.get("yarnrc.yml"));
    assertEquals("{\"auths\":{\"127.0.0.1:8080\":{\"auth\":\"Y2ktYWdlbnQ6dEBrOmVuLzE=\"}}}\n", files.get("auth.json"));
    assertEquals("/run/tollgate/auth.json", AGENT.environment(Map.of()).get("REGISTRY_AUTH_FILE"));
  }

  @Test
  void imagesComeThroughTheGatewayAsDockerHubsMirrorAndAsARegistryOfItsOwn() {
    String conf = ANONYMOUS.files().get("registries.conf");

    assertTrue(conf.contains("""
        [[registry]]
        prefix = "docker.io"
        location = "docker.io"

        [[registry.mirror]]
        location = "127.0.0.1:8080"
        insecure = true
        """), conf);
    assertTrue(conf.contains("""
        [[registry]]
        location = "127.0.0.1:8080"
        insecure = true
        """), conf);
  }

  @Test
  void eachNamedRegistryGetsTheGatewayAsItsMirrorUnderItsPathPrefixIfAny() {
    ClientSetup setup = new ClientSetup(8080, Optional.empty(), List.of(MirroredRegistry.parse("ghcr.io=ghcr"),
        MirroredRegistry.parse("127.0.0.1:5000")));
    String conf = setup.files().get("registries.conf");

    assertTrue(conf.contains(mirrorOf("ghcr.io", "127.0.0.1:8080/ghcr")), conf);
    assertTrue(conf.contains(mirrorOf("127.0.0.1:5000", "127.0.0.1:8080")), conf);
    assertTrue(conf.contains(mirrorOf("docker.io", "127.0.0.1:8080")), conf);
    assertTrue(conf.contains("unqualified-search-registries = [\"docker.io\"]\n"), conf);
  }

  @Test
  void dockerHubNamedWithAPathPrefixReplacesTheDefaultMirror() {
    ClientSetup setup = new ClientSetup(8080, Optional.empty(), List.of(MirroredRegistry.parse("docker.io=hub")));
    String conf = setup.files().get("registries.conf");

    assertTrue(conf.contains(mirrorOf("docker.io", "127.0.0.1:8080/hub")), conf);
    assertEquals(1, conf.split("prefix = \"docker.io\"", -1).length - 1, conf);
  }

  private static String mirrorOf(String registry, String mirror) {
    return """
        [[registry]]
        prefix = "%1$s"
        location = "%1$s"

        [[registry.mirror]]
        location = "%2$s"
        insecure = true
        """.formatted(registry, mirror);
  }
}
