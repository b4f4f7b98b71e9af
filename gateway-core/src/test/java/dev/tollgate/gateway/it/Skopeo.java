package dev.tollgate.gateway.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The real skopeo, with its own home, temp dir, credentials file and registries configuration in a
 * test directory, so nothing of the machine's containers configuration leaks in. skopeo 1.9 ignores
 * {@code CONTAINERS_REGISTRIES_CONF}, so the file is passed with {@code --registries-conf}.
 */
final class Skopeo {

  private static final Duration TIMEOUT = Duration.ofSeconds(120);

  private final OciTools tools;
  private final Path home;
  private final ClientRegistries registries;

  Skopeo(OciTools tools, Path home, ClientRegistries registries) throws IOException {
    this.tools = tools;
    this.home = Files.createDirectories(home);
    this.registries = registries;
    Files.createDirectories(home.resolve("tmp"));
  }

  /**
   * Pushes {@code image} (with every platform, if its tag names an index) straight to {@code registry}
   * (host:port) as {@code repository:tag}, digests unchanged, or fails the test.
   */
  void push(OciImage image, String registry, String repository, String tag) throws IOException, InterruptedException {
    Command.Result result = run(List.of("copy", "--all", "--preserve-digests", "--dest-tls-verify=false",
        image.source(), "docker://" + registry + "/" + repository + ":" + tag));
    if (result.exitCode() != 0) {
      throw new AssertionError("skopeo could not push the fixture image:\n" + result.describe());
    }
  }

  /** Copies {@code repository:tag} of the mirrored registry name into an OCI layout at {@code destination}. */
  Command.Result pull(String repository, String tag, Path destination) throws IOException, InterruptedException {
    return run(List.of("copy", "docker://" + registries.reference(repository, tag), "oci:" + destination + ":" + tag));
  }

  /** The credentials file skopeo reads ({@code REGISTRY_AUTH_FILE}); absent until a test writes it. */
  Path authFile() {
    return home.resolve("auth.json");
  }

  /** Runs {@code skopeo --registries-conf ... --policy ... ARGS} with the test's own environment. */
  Command.Result run(List<String> args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(tools.skopeo().toString(), "--registries-conf",
        registries.registriesConf().toString(), "--policy", registries.policy().toString()));
    command.addAll(args);
    return Command.run(command, env -> {
      env.put("HOME", home.toString());
      env.put("TMPDIR", home.resolve("tmp").toString());
      env.put("REGISTRY_AUTH_FILE", authFile().toString());
      env.remove("CONTAINERS_REGISTRIES_CONF");
    }, TIMEOUT);
  }
}
