package dev.tollgate.gateway.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The programs the npm end-to-end tests run: the machine's node and npm, and the local registry
 * (verdaccio) and the pnpm and yarn clients at the versions {@code tools/npm/package.json} pins.
 * They are found, not installed, here: when one is missing the tests fail and say how to install
 * it, because a skipped end-to-end test looks the same as a passing one in a CI summary.
 */
record NpmTools(Path node, Path npm, Path verdaccio, Path pnpm, Path yarnClassic, Path yarnBerry, String versions) {

  /** Where {@code scripts/test} installs the pinned tools, relative to the repository root. */
  static final String TOOLS_DIR = "tools/npm";

  private static final String INSTALL_HINT = "run scripts/test from the repository root, which installs them, or: "
      + "npm install --prefix " + TOOLS_DIR + " --no-package-lock --no-audit --no-fund";
  private static final Duration VERSION_TIMEOUT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Finds every tool or fails, naming each one that is missing and how to install it. */
  static NpmTools require() throws IOException, InterruptedException {
    Path modules = repositoryRoot().resolve(TOOLS_DIR).resolve("node_modules");
    List<String> missing = new ArrayList<>();
    Path node = onPath("node", missing);
    Path npm = onPath("npm", missing);
    Path verdaccio = existing(modules.resolve(".bin/verdaccio"), missing);
    Path pnpm = existing(modules.resolve(".bin/pnpm"), missing);
    Path yarn = existing(modules.resolve("yarn/bin/yarn.js"), missing);
    Path yarnBerry = existing(modules.resolve("@yarnpkg/cli-dist/bin/yarn.js"), missing);
    if (!missing.isEmpty()) {
      throw new AssertionError("the npm end-to-end tests cannot run: missing " + String.join(", ", missing)
          + "; " + (node == null || npm == null ? "install Node.js 20 with npm 11 first, then " : "") + INSTALL_HINT);
    }
    String versions = "node " + version(node) + ", npm " + version(npm)
        + ", verdaccio " + packageVersion(modules, "verdaccio") + ", pnpm " + packageVersion(modules, "pnpm")
        + ", yarn " + packageVersion(modules, "yarn") + ", yarn " + packageVersion(modules, "@yarnpkg/cli-dist");
    return new NpmTools(node, npm, verdaccio, pnpm, yarn, yarnBerry, versions);
  }

  /**
   * The repository root: the parent of the module directory the build runs in (Maven's
   * {@code basedir}, else the working directory, which is the module in Maven and most IDEs).
   */
  private static Path repositoryRoot() {
    Path module = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
    return module.getParent();
  }

  private static Path existing(Path file, List<String> missing) {
    if (Files.isExecutable(file)) {
      return file;
    }
    missing.add(file.toString());
    return null;
  }

  private static Path onPath(String program, List<String> missing) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
        return Path.of(dir, program);
      }
    }
    missing.add(program + " (on PATH)");
    return null;
  }

  private static String version(Path program) throws IOException, InterruptedException {
    Command.Result result = Command.run(List.of(program.toString(), "--version"), env -> { }, VERSION_TIMEOUT);
    if (result.exitCode() != 0) {
      throw new AssertionError(program + " does not run:\n" + result.describe());
    }
    return result.output().strip();
  }

  private static String packageVersion(Path modules, String name) {
    try {
      return JSON.readTree(modules.resolve(name).resolve("package.json").toFile()).path("version").asText("?");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
