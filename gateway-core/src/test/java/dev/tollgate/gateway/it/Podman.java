package dev.tollgate.gateway.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The real podman as root, the way it runs on this kind of machine: vfs storage, cgroupfs, no
 * systemd, runc (crun cannot set its limits here), its own storage, runtime dir, temp dir, credentials
 * file and containers configuration in a test directory.
 */
final class Podman {

  private static final Duration TIMEOUT = Duration.ofSeconds(180);

  private final OciTools tools;
  private final Path home;
  private final ClientRegistries registries;

  Podman(OciTools tools, Path home, ClientRegistries registries) throws IOException {
    this.tools = tools;
    this.home = Files.createDirectories(home);
    this.registries = registries;
    Files.createDirectories(home.resolve("tmp"));
    Files.writeString(home.resolve("containers.conf"), """
        [containers]
        netns = "none"
        default_ulimits = ["nofile=1024:1024", "nproc=1024:1024"]
        [engine]
        cgroup_manager = "cgroupfs"
        events_logger = "file"
        events_logfile_path = "%s"
        runtime = "runc"
        """.formatted(home.resolve("events.log")), StandardCharsets.UTF_8);
    // podman refuses to start when REGISTRY_AUTH_FILE names a missing file; podman login fills this one.
    Files.writeString(authFile(), "{\"auths\":{}}\n", StandardCharsets.UTF_8);
    Files.writeString(home.resolve("storage.conf"), """
        [storage]
        driver = "vfs"
        runroot = "%s"
        graphroot = "%s"
        """.formatted(home.resolve("run"), home.resolve("root")), StandardCharsets.UTF_8);
  }

  /** Pulls {@code repository:tag} of the mirrored registry name into podman's own storage. */
  Command.Result pull(String repository, String tag) throws IOException, InterruptedException {
    return run(List.of("pull", "--signature-policy", registries.policy().toString(),
        registries.reference(repository, tag)));
  }

  /** The credentials file podman reads and {@code podman login} writes ({@code REGISTRY_AUTH_FILE}). */
  Path authFile() {
    return home.resolve("auth.json");
  }

  /** Runs {@code podman ARGS} with the test's own configuration and storage. */
  Command.Result run(List<String> args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(tools.podman().toString()));
    command.addAll(args);
    return Command.run(command, env -> {
      env.put("HOME", home.toString());
      env.put("TMPDIR", home.resolve("tmp").toString());
      env.put("CONTAINERS_CONF", home.resolve("containers.conf").toString());
      env.put("CONTAINERS_STORAGE_CONF", home.resolve("storage.conf").toString());
      env.put("CONTAINERS_REGISTRIES_CONF", registries.registriesConf().toString());
      env.put("REGISTRY_AUTH_FILE", authFile().toString());
    }, TIMEOUT);
  }
}
