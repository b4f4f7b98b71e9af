package dev.tollgate.gateway.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * npm, pnpm and yarn as one user with a brand-new home directory: one registry, empty caches, no
 * settings of this machine. Each client otherwise reads the machine's npmrc files (this machine's
 * omit the registry URLs from lockfiles), its home directory's metadata caches (yarn revalidates
 * them with ETags) and inherited {@code npm_config_*} variables, any of which would change what the
 * gateway is asked and what a test sees.
 */
final class NpmClients {

  private static final Duration RUN_TIMEOUT = Duration.ofSeconds(90);

  private final NpmTools tools;
  private final String registryUrl;
  private final Path home;
  private final Path npmrc;
  private final Path emptyGlobalConfig;
  private final Path cache;

  private NpmClients(NpmTools tools, String registryUrl, Path home, Path emptyGlobalConfig, Path cache) {
    this.tools = tools;
    this.registryUrl = registryUrl;
    this.home = home;
    this.npmrc = home.resolve(".npmrc");
    this.emptyGlobalConfig = emptyGlobalConfig;
    this.cache = cache;
  }

  /**
   * A fresh user under {@code dir} (new or empty) whose clients use only {@code registryUrl};
   * {@code npmrcLines} are added to the user's npmrc (an auth token, say). npm retries a broken
   * download after a short pause here, so an aborted tarball fails a test in seconds, not minutes.
   */
  static NpmClients freshUser(NpmTools tools, Path dir, String registryUrl, String... npmrcLines) throws IOException {
    Path home = Files.createDirectories(dir.resolve("home"));
    Path emptyGlobalConfig = Files.writeString(dir.resolve("global.npmrc"), "", StandardCharsets.UTF_8);
    List<String> settings = new ArrayList<>(List.of("registry=" + registryUrl, "fetch-retry-mintimeout=100",
        "fetch-retry-maxtimeout=500"));
    settings.addAll(List.of(npmrcLines));
    Files.write(home.resolve(".npmrc"), settings, StandardCharsets.UTF_8);
    Files.writeString(home.resolve(".yarnrc"), "disable-self-update-check true\n", StandardCharsets.UTF_8);
    return new NpmClients(tools, registryUrl, home, emptyGlobalConfig, Files.createDirectories(dir.resolve("cache")));
  }

  /** Runs {@code npm <arguments>} with this user's settings and cache. */
  Command.Result npm(String... arguments) throws IOException, InterruptedException {
    return npm(List.of(arguments));
  }

  /**
   * Adds {@code specs} to {@code project} with {@code client}, the way a developer would: {@code npm
   * install}, {@code pnpm add} (which holds back versions younger than a day unless told not to:
   * the fixtures are seconds old) or {@code yarn add}.
   */
  Command.Result add(NpmClient client, NpmProject project, String... specs) throws IOException, InterruptedException {
    String dir = project.dir().toString();
    return switch (client) {
      case NPM -> npm(concat(List.of("install", "--prefix", dir), specs));
      case PNPM -> run(concat(List.of(tools.pnpm().toString(), "add", "--dir", dir, "--registry", registryUrl,
          "--store-dir", cache.resolve("pnpm-store").toString(), "--config.minimum-release-age=0"), specs));
      case YARN_CLASSIC -> run(concat(List.of(tools.node().toString(), tools.yarnClassic().toString(), "add",
          "--cwd", dir, "--registry", registryUrl, "--cache-folder", cache.resolve("yarn").toString(),
          "--non-interactive", "--no-progress"), specs));
      case YARN_BERRY -> yarnBerry(project, specs);
    };
  }

  /**
   * yarn 4 reads its settings from the project's {@code .yarnrc.yml}: the registry (http needs an
   * explicit allowance, also on loopback), no age gate (the fixtures are seconds old), a plain
   * node_modules layout and a cache inside this user's directory.
   */
  private Command.Result yarnBerry(NpmProject project, String... specs) throws IOException, InterruptedException {
    java.nio.file.Files.writeString(project.dir().resolve(".yarnrc.yml"), """
        npmRegistryServer: "%s"
        unsafeHttpWhitelist: ["127.0.0.1"]
        npmMinimalAgeGate: 0
        nodeLinker: node-modules
        enableGlobalCache: false
        enableTelemetry: false
        cacheFolder: "%s"
        """.formatted(registryUrl.replaceAll("/$", ""), cache.resolve("yarn-berry")));
    return Command.run(concat(List.of(tools.node().toString(), tools.yarnBerry().toString(), "add"), specs),
        env -> {
          isolate(env);
          env.put("YARN_IGNORE_PATH", "1");
        }, project.dir(), RUN_TIMEOUT);
  }

  private Command.Result npm(List<String> arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(tools.npm().toString()));
    command.addAll(arguments);
    command.addAll(List.of("--userconfig", npmrc.toString(), "--globalconfig", emptyGlobalConfig.toString(),
        "--cache", cache.resolve("npm").toString(), "--no-audit", "--no-fund", "--no-update-notifier"));
    return run(command);
  }

  private static List<String> concat(List<String> command, String... more) {
    List<String> all = new ArrayList<>(command);
    all.addAll(List.of(more));
    return all;
  }

  private Command.Result run(List<String> command) throws IOException, InterruptedException {
    return Command.run(command, this::isolate, RUN_TIMEOUT);
  }

  private void isolate(Map<String, String> env) {
    env.keySet().removeIf(name -> {
      String lower = name.toLowerCase(Locale.ROOT);
      return lower.startsWith("npm_") || lower.startsWith("yarn_") || lower.startsWith("pnpm_")
          || lower.startsWith("xdg_") || name.equals("CI");
    });
    env.put("HOME", home.toString());
  }
}
