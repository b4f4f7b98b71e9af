package dev.tollgate.gateway.config;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OciConfigTest {

  private static final String TWO_UPSTREAMS = """
      oci:
        upstreams:
          - key: docker.io
            url: https://registry-1.docker.io
            aliases: [registry-1.docker.io]
            dockerHub: true
            credentials: { usernameEnv: HUB_USER, passwordEnv: HUB_TOKEN }
          - key: ghcr.io
            url: https://ghcr.io/
            pathPrefix: ghcr
      """;

  @TempDir Path dir;

  private GatewayConfig load(String yaml, Map<String, String> env) throws Exception {
    Files.writeString(dir.resolve(ConfigLoader.FILE_NAME), yaml);
    return ConfigLoader.load(dir, env);
  }

  @Test
  void withoutAnOciSectionNothingIsMirrored() throws Exception {
    OciConfig oci = load("server: {}\n", Map.of()).oci();
    assertEquals(List.of(), oci.upstreams());
    assertEquals(Optional.empty(), oci.defaultUpstream());
  }

  @Test
  void severalUpstreamsWithTheirFormsAndCredentialsFromTheEnvironment() throws Exception {
    OciConfig oci = load(TWO_UPSTREAMS, Map.of("HUB_USER", "robot", "HUB_TOKEN", "s3cret")).oci();

    OciConfig.Upstream hub = oci.upstreams().get(0);
    OciConfig.Upstream ghcr = oci.upstreams().get(1);
    assertAll(
        () -> assertEquals("docker.io", oci.defaultUpstream().orElseThrow().key()),
        () -> assertEquals(URI.create("https://registry-1.docker.io/"), hub.url()),
        () -> assertTrue(hub.dockerHub()),
        () -> assertEquals(List.of("registry-1.docker.io"), hub.aliases()),
        () -> assertEquals(new OciConfig.Credentials("robot", "s3cret"), hub.credentials().orElseThrow()),
        () -> assertFalse(hub.credentials().orElseThrow().toString().contains("s3cret")),
        () -> assertEquals(Optional.of("ghcr"), ghcr.pathPrefix()),
        () -> assertFalse(ghcr.dockerHub()),
        () -> assertEquals(Optional.empty(), ghcr.credentials()));
  }

  @Test
  void theVariableReplacesTheDefaultUpstreamsUrl() throws Exception {
    OciConfig oci = load(TWO_UPSTREAMS, Map.of("HUB_USER", "u", "HUB_TOKEN", "p",
        "TOLLGATE_OCI_UPSTREAM", "http://127.0.0.1:5001")).oci();

    assertEquals(URI.create("http://127.0.0.1:5001/"), oci.defaultUpstream().orElseThrow().url());
    assertEquals("docker.io", oci.defaultUpstream().orElseThrow().key());
    assertEquals(URI.create("https://ghcr.io/"), oci.upstreams().get(1).url());
  }

  @Test
  void theVariableAloneAddsAnUpstreamKeyedByItsAddress() throws Exception {
    OciConfig oci = load("server: {}\n", Map.of("TOLLGATE_OCI_UPSTREAM", "http://127.0.0.1:5001/")).oci();

    OciConfig.Upstream only = oci.defaultUpstream().orElseThrow();
    assertEquals("127.0.0.1:5001", only.key());
    assertEquals(URI.create("http://127.0.0.1:5001/"), only.url());
  }

  static Stream<Arguments> invalidSections() {
    return Stream.of(
        Arguments.of("a key that is no registry name", """
            oci:
              upstreams:
                - key: Docker Hub
                  url: https://registry-1.docker.io/
            """, 3, "oci.upstreams[0].key"),
        Arguments.of("two upstreams with one key", """
            oci:
              upstreams:
                - { key: docker.io, url: "https://a.example/" }
                - { key: docker.io, url: "https://b.example/", pathPrefix: b }
            """, 4, "oci.upstreams[1].key"),
        Arguments.of("an upstream without a URL", """
            oci:
              upstreams:
                - key: ghcr.io
            """, 3, "oci.upstreams[0].url"),
        Arguments.of("a prefix of two segments", """
            oci:
              upstreams:
                - key: ghcr.io
                  url: https://ghcr.io/
                  pathPrefix: a/b
            """, 5, "oci.upstreams[0].pathPrefix"),
        Arguments.of("credentials from a variable that is not set", """
            oci:
              upstreams:
                - key: ghcr.io
                  url: https://ghcr.io/
                  credentials: { usernameEnv: GHCR_USER, passwordEnv: GHCR_TOKEN }
            """, 5, "GHCR_USER"),
        Arguments.of("a default that names no upstream", """
            oci:
              defaultUpstream: quay.io
              upstreams:
                - { key: ghcr.io, url: "https://ghcr.io/" }
            """, 2, "oci.defaultUpstream"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidSections")
  void anInvalidSectionIsRefusedNamingLineAndField(String label, String yaml, int line, String field)
      throws Exception {
    Files.writeString(dir.resolve(ConfigLoader.FILE_NAME), yaml);
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(dir, Map.of()));

    String where = dir.resolve(ConfigLoader.FILE_NAME) + ":" + line;
    assertTrue(e.getMessage().startsWith(where), "expected to start with " + where + ": " + e.getMessage());
    assertTrue(e.getMessage().contains(field), "expected " + field + ": " + e.getMessage());
  }
}
