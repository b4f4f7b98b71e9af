package dev.tollgate.gateway.it;

import dev.tollgate.gateway.Gateway;
import dev.tollgate.gateway.config.ConfigLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
    Path configDir = Files.createDirectories(workDir.resolve("conf"));
    Path dataDir = Files.createDirectories(workDir.resolve("data"));
    Files.writeString(configDir.resolve("tollgate.yaml"), tollgateYaml, StandardCharsets.UTF_8);
    Files.writeString(Files.createDirectories(configDir.resolve("policy")).resolve(ecosystem + ".yaml"), policyYaml,
        StandardCharsets.UTF_8);
    Files.writeString(Files.createDirectories(configDir.resolve("popular")).resolve(ecosystem + ".txt"),
        popularNames, StandardCharsets.UTF_8);
    var config = ConfigLoader.load(configDir, Map.of("TOLLGATE_PORT", "0", "TOLLGATE_ADMIN_PORT", "0",
        "TOLLGATE_DATA_DIR", dataDir.toString()));
    return new Started(Gateway.start(config), dataDir);
  }
}
