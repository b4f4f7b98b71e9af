package dev.tollgate.gateway.it;

import dev.tollgate.gateway.Gateway;
import dev.tollgate.gateway.config.ConfigLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Starts a real gateway in-process the way an operator does: from a configuration directory holding
 * {@code tollgate.yaml}, one ecosystem's policy file and its popular names, on ephemeral loopback
 * ports (the agents' and the admin API's), with its own data directory for the disk cache and the audit log.
 */
final class ConfiguredGateway {

  /** A started gateway and the data directory it writes its cache and audit log to. */
  record Started(Gateway gateway, Path dataDir) {}

  private ConfiguredGateway() {}

  /**
   * Writes {@code tollgateYaml}, {@code policy/<ecosystem>.yaml} and {@code popular/<ecosystem>.txt}
   * under {@code workDir/conf} and starts the gateway on them.
   */
  static Started start(Path workDir, String tollgateYaml, String ecosystem, String policyYaml, String popularNames)
      throws Exception {
    return start(workDir, tollgateYaml, ecosystem, policyYaml, popularNames, Map.of());
  }

  /** As {@link #start(Path, String, String, String, String)}, with {@code environment} seen by the configuration. */
  static Started start(Path workDir, String tollgateYaml, String ecosystem, String policyYaml, String popularNames,
      Map<String, String> environment) throws Exception {
    Path configDir = Files.createDirectories(workDir.resolve("conf"));
    Path dataDir = Files.createDirectories(workDir.resolve("data"));
    Files.writeString(configDir.resolve("tollgate.yaml"), tollgateYaml, StandardCharsets.UTF_8);
    Files.writeString(Files.createDirectories(configDir.resolve("policy")).resolve(ecosystem + ".yaml"), policyYaml,
        StandardCharsets.UTF_8);
    Files.writeString(Files.createDirectories(configDir.resolve("popular")).resolve(ecosystem + ".txt"),
        popularNames, StandardCharsets.UTF_8);
    Map<String, String> env = new HashMap<>(environment);
    env.put("TOLLGATE_PORT", "0");
    env.put("TOLLGATE_ADMIN_PORT", "0");
    env.put("TOLLGATE_DATA_DIR", dataDir.toString());
    var config = ConfigLoader.load(configDir, env);
    return new Started(Gateway.start(config), dataDir);
  }
}
