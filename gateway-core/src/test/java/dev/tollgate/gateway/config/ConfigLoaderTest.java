package dev.tollgate.gateway.config;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.policy.rules.Enforcement;
import dev.tollgate.policy.rules.PolicyMode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConfigLoaderTest {

  /** The repository's shipped configuration, seen from the gateway-core module directory. */
  private static final Path SHIPPED = Path.of("../conf");

  @TempDir Path dir;

  private GatewayConfig load(String yaml, Map<String, String> env) throws Exception {
    Files.writeString(dir.resolve(ConfigLoader.FILE_NAME), yaml);
    return ConfigLoader.load(dir, env);
  }

  private ConfigException loadFails(String yaml, Map<String, String> env) throws IOException {
    Files.writeString(dir.resolve(ConfigLoader.FILE_NAME), yaml);
    return assertThrows(ConfigException.class, () -> ConfigLoader.load(dir, env));
  }

  @Test
  void aFileWithOnlyAnEmptySectionGetsEveryDefault() throws Exception {
    GatewayConfig c = load("server: {}\n", Map.of());

    assertAll(
        () -> assertEquals("127.0.0.1", c.server().host()),
        () -> assertEquals(8080, c.server().port()),
        () -> assertEquals(8192, c.server().maxInitialLineLength()),
        () -> assertEquals(16384, c.server().maxHeaderSize()),
        () -> assertEquals(64 * 1024, c.server().maxRequestBody()),
        () -> assertEquals(Duration.ofSeconds(60), c.server().idleTimeout()),
        () -> assertEquals(Duration.ofSeconds(10), c.server().shutdownGrace()),
        () -> assertEquals(URI.create("https://pypi.org/simple/"), c.pypi().upstream()),
        () -> assertEquals(List.of("files.pythonhosted.org"), c.pypi().fileHosts()),
        () -> assertEquals(PolicyMode.ALLOWLIST, c.policy().mode()),
        () -> assertEquals(Enforcement.ENFORCE, c.policy().enforcement()),
        () -> assertEquals(dir.resolve("policy"), c.policy().directory()),
        () -> assertEquals(dir.resolve("popular"), c.policy().popularDirectory()),
        () -> assertEquals(Duration.ofMinutes(5), c.cache().metadataTtl()),
        () -> assertEquals(Duration.ofHours(24), c.cache().metadataStaleFor()),
        () -> assertEquals(10_000, c.cache().metadataMaxEntries()),
        () -> assertEquals(10L << 30, c.cache().artifactMaxBytes()),
        () -> assertEquals(Duration.ofSeconds(10), c.upstream().connectTimeout()),
        () -> assertEquals(Duration.ofSeconds(30), c.upstream().readTimeout()),
        () -> assertEquals(2, c.upstream().retries()),
        () -> assertEquals(64L << 20, c.upstream().maxMetadataBytes()),
        () -> assertEquals(Path.of("var").toAbsolutePath(), c.dataDir()),
        () -> assertEquals(c.dataDir().resolve("audit.log"), c.auditLog()),
        () -> assertEquals(c.dataDir().resolve("cache").resolve("artifacts"), c.artifactDir()));
  }

  @Test
  void aMissingFileIsAnErrorNamingIt() {
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(dir, Map.of()));
    assertTrue(e.getMessage().contains(dir.resolve(ConfigLoader.FILE_NAME).toString()), e.getMessage());
  }

  static Stream<Arguments> environmentOverrides() {
    return Stream.of(
        override("TOLLGATE_PORT", "9191", c -> c.server().port(), 9191),
        override("TOLLGATE_PORT", "0", c -> c.server().port(), 0),
        override("TOLLGATE_HOST", "0.0.0.0", c -> c.server().host(), "0.0.0.0"),
        override("TOLLGATE_DATA_DIR", "/srv/tollgate-data", GatewayConfig::dataDir, Path.of("/srv/tollgate-data")),
        override("TOLLGATE_DATA_DIR", "state", GatewayConfig::dataDir, Path.of("state").toAbsolutePath()),
        override("TOLLGATE_PYPI_UPSTREAM", "http://127.0.0.1:3141/mirror/simple",
            c -> c.pypi().upstream(), URI.create("http://127.0.0.1:3141/mirror/simple/")),
        override("TOLLGATE_NPM_UPSTREAM", "http://127.0.0.1:4873",
            c -> c.npm().upstream().orElseThrow(), URI.create("http://127.0.0.1:4873/")),
        override("TOLLGATE_POLICY_MODE", "open", c -> c.policy().mode(), PolicyMode.OPEN),
        override("TOLLGATE_POLICY_ENFORCEMENT", "audit", c -> c.policy().enforcement(), Enforcement.AUDIT),
        override("TOLLGATE_POLICY_ENFORCEMENT", " AUDIT ", c -> c.policy().enforcement(), Enforcement.AUDIT));
  }

  private static Arguments override(String variable, String value, Function<GatewayConfig, Object> read, Object expected) {
    return Arguments.of(variable, value, read, expected);
  }

  /** The file sets every overridable value to something other than the expected one: the variable must win. */
  @ParameterizedTest(name = "{0}={1}")
  @MethodSource("environmentOverrides")
  void anEnvironmentVariableOverridesTheFile(
      String variable, String value, Function<GatewayConfig, Object> read, Object expected) throws Exception {
    GatewayConfig c = load("""
        server:
          host: 127.0.0.2
          port: 8081
        pypi:
          upstream: https://mirror.example/simple/
        policy:
          mode: allowlist
          enforcement: enforce
        data: from-file
        """, Map.of(variable, value));

    assertEquals(expected, read.apply(c));
  }

  @Test
  void aBlankVariableLeavesTheFileInForce() throws Exception {
    GatewayConfig c = load("server:\n  port: 8081\n", Map.of("TOLLGATE_PORT", " "));
    assertEquals(8081, c.server().port());
  }

  static Stream<Arguments> invalidFiles() {
    return Stream.of(
        Arguments.of("private scopes without a private registry", """
            # comment
            npm:
              private:
                scopes: ["@acme"]
            """, 3, "npm.private.upstream"),
        Arguments.of("a private scope without its @", """
            npm:
              private:
                upstream: http://127.0.0.1:4873/
                scopes: ["acme"]
            """, 4, "npm.private.scopes"),
        Arguments.of("unknown key", """
            # comment
            server:
              prot: 8080
              host: 127.0.0.1
            cache:
              metadataTtl: 5m
            """, 3, "server.prot"),
        Arguments.of("port not a number", """
            # comment
            server:
              port: eighty
            """, 3, "server.port"),
        Arguments.of("port out of range", """
            # comment
            server:
              port: 70000
            """, 3, "server.port"),
        Arguments.of("bad duration", """
            # comment
            cache:
              metadataTtl: 5 minutes
            """, 3, "cache.metadataTtl"),
        Arguments.of("bad size", """
            # comment
            cache:
              artifactMaxSize: 10 gigs
            """, 3, "cache.artifactMaxSize"),
        Arguments.of("size beyond a long", """
            # comment
            cache:
              artifactMaxSize: 99999999999TiB
            """, 3, "cache.artifactMaxSize"),
        Arguments.of("non-http upstream", """
            # comment
            pypi:
              upstream: ftp://mirror.example/simple/
            """, 3, "pypi.upstream"),
        Arguments.of("upstream with a query", """
            # comment
            pypi:
              upstream: https://mirror.example/simple/?token=abc
            """, 3, "pypi.upstream"),
        Arguments.of("unknown policy mode", """
            # comment
            policy:
              mode: strict
            """, 3, "policy.mode"),
        Arguments.of("unknown fsync policy", """
            # comment
            audit:
              fsync: sometimes
            """, 3, "audit.fsync"),
        Arguments.of("no rotated files kept", """
            # comment
            audit:
              keep: 0
            """, 3, "audit.keep"),
        Arguments.of("unknown profile enforcement", """
            # comment
            profiles:
              trial: { enforcement: maybe }
            """, 3, "profiles.trial.enforcement"),
        Arguments.of("anonymous access with an undefined profile", """
            # comment
            agents:
              anonymous: { profile: ghost }
            """, 3, "agents.anonymous.profile"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidFiles")
  void anInvalidFileIsRefusedNamingFileLineAndField(String label, String yaml, int line, String field)
      throws Exception {
    ConfigException e = loadFails(yaml, Map.of());

    String where = dir.resolve(ConfigLoader.FILE_NAME) + ":" + line;
    assertTrue(e.getMessage().startsWith(where), "expected to start with " + where + ": " + e.getMessage());
    assertTrue(e.getMessage().contains(field), "expected field " + field + ": " + e.getMessage());
  }

  @Test
  void aPrivateRegistryOwnsItsScopesAndNames() throws Exception {
    GatewayConfig config = load("""
        npm:
          upstream: http://127.0.0.1:4873/
          private:
            upstream: http://127.0.0.1:4874/
            scopes: ["@acme"]
            names: [acme-utils]
        """, Map.of());

    GatewayConfig.PrivateRegistry registry = config.npm().privateRegistry().orElseThrow();
    assertEquals(URI.create("http://127.0.0.1:4874/"), registry.upstream());
    assertTrue(registry.owns("@acme/foo"));
    assertTrue(registry.owns("acme-utils"));
    assertFalse(registry.owns("@acmex/foo"));
    assertFalse(registry.owns("acme-tools"));
  }

  @Test
  void aBadEnvironmentValueNamesTheVariable() throws IOException {
    ConfigException e = loadFails("server:\n  port: 8080\n", Map.of("TOLLGATE_PORT", "http"));
    assertTrue(e.getMessage().contains("TOLLGATE_PORT"), e.getMessage());
  }

  @Test
  void theShippedConfigurationLoadsWithItsDocumentedValues() throws Exception {
    GatewayConfig c = ConfigLoader.load(SHIPPED, Map.of());

    assertAll(
        () -> assertEquals(8080, c.server().port()),
        () -> assertEquals(URI.create("https://pypi.org/simple/"), c.pypi().upstream()),
        () -> assertEquals(PolicyMode.ALLOWLIST, c.policy().mode()),
        () -> assertTrue(Files.isRegularFile(c.policy().directory().resolve("pypi.yaml"))),
        () -> assertTrue(Files.isRegularFile(c.policy().popularDirectory().resolve("pypi.txt"))),
        () -> assertEquals(new GatewayConfig.Audit(100L << 20, Duration.ofHours(24), 10, false,
            GatewayConfig.Fsync.INTERVAL, Duration.ofSeconds(1)), c.audit()),
        () -> assertEquals(Optional.empty(), c.agents().anonymousAllowed()),
        () -> assertEquals(Set.of("default"), c.agents().profiles().keySet()));
  }

  @Test
  void theAuditAndAgentSectionsHaveTheirDocumentedDefaults() throws Exception {
    GatewayConfig c = load("{}\n", Map.of());

    assertAll(
        () -> assertEquals(new GatewayConfig.Audit(100L << 20, Duration.ofHours(24), 10, false,
            GatewayConfig.Fsync.INTERVAL, Duration.ofSeconds(1)), c.audit()),
        () -> assertEquals(new GatewayConfig.Agents(Optional.empty(), List.of(), Optional.empty(), "default",
            Map.of("default", new GatewayConfig.Profile("default", "default", Enforcement.ENFORCE))), c.agents()));
  }

  @Test
  void policySetsAndTheAdminListenerAreReadRelativeToTheConfigDirectory() throws Exception {
    GatewayConfig c = load("""
        policy:
          sets: { strict: policy-strict, ci: /srv/policy-ci }
        admin: { host: 0.0.0.0, port: 9091, tokensFile: secrets/admin-tokens }
        """, Map.of("TOLLGATE_ADMIN_PORT", "9092"));
    GatewayConfig defaults = load("server: {}\n", Map.of());

    assertAll(
        () -> assertEquals(Map.of("strict", dir.resolve("policy-strict"), "ci", Path.of("/srv/policy-ci")),
            c.policy().sets()),
        () -> assertEquals("0.0.0.0", c.admin().host()),
        () -> assertEquals(9092, c.admin().port(), "the environment overrides the file"),
        () -> assertEquals(Optional.of(dir.resolve("secrets/admin-tokens")), c.admin().tokensFile()),
        () -> assertEquals(Map.of(), defaults.policy().sets()),
        () -> assertEquals(new GatewayConfig.Admin("127.0.0.1", 8081, Optional.empty()), defaults.admin()));
  }

  @Test
  void aPolicySetNamedDefaultOrOddlyIsRefusedAtItsLine() throws Exception {
    ConfigException named = loadFails("policy:\n  sets:\n    default: other\n", Map.of());
    ConfigException odd = loadFails("policy:\n  sets:\n    \"Has Space\": x\n", Map.of());
    ConfigException port = loadFails("admin: { port: 70000 }\n", Map.of());
    assertAll(
        () -> assertTrue(named.getMessage().contains(":3: field 'policy.sets.default'"), named.getMessage()),
        () -> assertTrue(odd.getMessage().contains("is not a usable set name"), odd.getMessage()),
        () -> assertTrue(port.getMessage().contains("admin.port"), port.getMessage()));
  }
}
