package dev.tollgate.gateway.sandbox;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What makes pip, uv, npm, pnpm, yarn, skopeo and podman inside the sandbox use the gateway: the
 * environment variables and the configuration files, pointing at the gateway's port on the
 * sandbox's own loopback, with the agent's token when there is one. Settings from the host that
 * would point clients elsewhere (index URLs, registries, proxies, config locations) are dropped
 * from the inherited environment; the network would refuse those routes anyway, but a client
 * that tries them first fails slowly and confusingly.
 */
final class ClientSetup {

  /** The sandbox's home directory, inside its private /tmp. */
  static final String HOME = "/tmp/home";
  /** Where the host-side directory with the socket and the generated files appears, read-only. */
  static final String CONFIG_DIR = "/run/tollgate";
  static final String SOCKET = "gateway.sock";

  private static final String LOOPBACK = "127.0.0.1";
  /** Host variables naming places that do not exist, or must not be used, inside the sandbox. */
  private static final Set<String> LOCATION_VARIABLES =
      Set.of("REGISTRY_AUTH_FILE", "DOCKER_HOST", "DOCKER_CONFIG", "PWD", "OLDPWD");

  private final int port;
  private final Optional<AgentCredentials> credentials;
  private final List<MirroredRegistry> registries;

  /** Clients of the gateway on the sandbox's {@code port}; image pulls from {@code registries} go through it. */
  ClientSetup(int port, Optional<AgentCredentials> credentials, List<MirroredRegistry> registries) {
    this.port = port;
    this.credentials = credentials;
    this.registries = List.copyOf(registries);
  }

  /** The gateway as the sandbox sees it: {@code http://127.0.0.1:PORT}. */
  String gatewayUrl() {
    return "http://" + authority();
  }

  /** pip's and uv's index URL, with {@code profile:token@} when the agent has a token. */
  String pypiIndexUrl() {
    String userInfo = credentials.map(c -> encode(c.profile()) + ":" + encode(c.token()) + "@").orElse("");
    return "http://" + userInfo + authority() + "/pypi/simple/";
  }

  String npmRegistryUrl() {
    return gatewayUrl() + "/npm/";
  }

  /** The generated files, by name in {@link #CONFIG_DIR}. */
  Map<String, String> files() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("npmrc", npmrc());
    files.put("yarnrc.yml", yarnrc());
    files.put("registries.conf", registriesConf());
    credentials.ifPresent(c -> files.put("auth.json", containersAuth(c)));
    return files;
  }

  /** Generated files that are also mounted (read-only) into the home directory, under these names. */
  static Map<String, String> homeFiles() {
    return Map.of(".npmrc", "npmrc", ".yarnrc.yml", "yarnrc.yml");
  }

  /** {@code host}'s environment without its registry, proxy and location settings, plus the sandbox's. */
  Map<String, String> environment(Map<String, String> host) {
    Map<String, String> env = new TreeMap<>(host);
    env.keySet().removeIf(ClientSetup::pointsElsewhere);
    env.put("HOME", HOME);
    env.put("TMPDIR", "/tmp");
    env.put("TOLLGATE_SANDBOX", "1");
    env.put("TOLLGATE_GATEWAY", gatewayUrl());
    env.put("PIP_CONFIG_FILE", "/dev/null");
    env.put("PIP_INDEX_URL", pypiIndexUrl());
    env.put("PIP_EXTRA_INDEX_URL", "");
    env.put("PIP_FIND_LINKS", "");
    env.put("PIP_DISABLE_PIP_VERSION_CHECK", "1");
    env.put("UV_DEFAULT_INDEX", pypiIndexUrl());
    env.put("UV_INDEX_URL", pypiIndexUrl());
    env.put("npm_config_registry", npmRegistryUrl());
    env.put("npm_config_userconfig", HOME + "/.npmrc");
    env.put("YARN_REGISTRY", npmRegistryUrl());
    env.put("YARN_NPM_REGISTRY_SERVER", gatewayUrl() + "/npm");
    env.put("CONTAINERS_REGISTRIES_CONF", CONFIG_DIR + "/registries.conf");
    credentials.ifPresent(c -> env.put("REGISTRY_AUTH_FILE", CONFIG_DIR + "/auth.json"));
    return env;
  }

  private static boolean pointsElsewhere(String name) {
    String upper = name.toUpperCase(Locale.ROOT);
    return upper.startsWith("PIP_") || upper.startsWith("NPM_CONFIG_") || upper.startsWith("YARN_")
        || upper.startsWith("CONTAINERS_") || upper.startsWith("UV_INDEX") || upper.startsWith("UV_DEFAULT_INDEX")
        || upper.startsWith("UV_EXTRA_INDEX") || upper.startsWith("UV_FIND_LINKS") || upper.endsWith("_PROXY")
        || (upper.startsWith("XDG_") && (upper.endsWith("_HOME") || upper.endsWith("_DIR")))
        || LOCATION_VARIABLES.contains(upper);
  }

  private String npmrc() {
    StringBuilder npmrc = new StringBuilder("# Written by tollgate sandbox: every package comes through the gateway.\n")
        .append("registry=").append(npmRegistryUrl()).append('\n');
    credentials.ifPresent(c -> npmrc.append("//").append(authority()).append("/npm/:_authToken=").append(c.token())
        .append('\n'));
    return npmrc.append("update-notifier=false\naudit=false\nfund=false\n").toString();
  }

  private String yarnrc() {
    StringBuilder yarnrc = new StringBuilder("# Written by tollgate sandbox: every package comes through the gateway.\n")
        .append("npmRegistryServer: ").append(yamlString(gatewayUrl() + "/npm")).append('\n')
        .append("unsafeHttpWhitelist:\n  - ").append(yamlString(LOOPBACK)).append('\n')
        .append("enableTelemetry: false\n");
    credentials.ifPresent(c -> yarnrc.append("npmAuthToken: ").append(yamlString(c.token())).append('\n'));
    return yarnrc.toString();
  }

  /**
   * The gateway as the mirror of Docker Hub (short names resolve there) and of each registry named
   * for the sandbox, and as a registry of its own. In the sandbox the registries themselves are
   * unreachable, so a refusal by the mirror cannot be followed by a silent fallback.
   */
  private String registriesConf() {
    Map<String, MirroredRegistry> mirrored = new LinkedHashMap<>();
    mirrored.put(MirroredRegistry.DOCKER_HUB.host(), MirroredRegistry.DOCKER_HUB);
    registries.forEach(registry -> mirrored.put(registry.host(), registry));
    StringBuilder conf = new StringBuilder("""
        # Written by tollgate sandbox: images come through the gateway. Inside the sandbox the
        # registries themselves are unreachable, so a refused pull fails instead of falling back.
        unqualified-search-registries = ["docker.io"]
        """);
    for (MirroredRegistry registry : mirrored.values()) {
      conf.append("""

          [[registry]]
          prefix = "%1$s"
          location = "%1$s"

          [[registry.mirror]]
          location = "%2$s"
          insecure = true
          """.formatted(registry.host(), registry.mirrorLocation(authority())));
    }
    return conf.append("""

        [[registry]]
        location = "%s"
        insecure = true
        """.formatted(authority())).toString();
  }

  private String containersAuth(AgentCredentials c) {
    String basic = Base64.getEncoder().encodeToString((c.profile() + ":" + c.token()).getBytes(StandardCharsets.UTF_8));
    return "{\"auths\":{\"" + authority() + "\":{\"auth\":\"" + basic + "\"}}}\n";
  }

  private String authority() {
    return LOOPBACK + ":" + port;
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String yamlString(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
