package dev.tollgate.gateway.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A developer's project directory that npm, pnpm or yarn installs into, and what the install left
 * there: the packages in node_modules and the lockfile.
 */
final class NpmProject {

  private static final String NAME = "tg-it-project";
  private static final String VERSION = "1.0.0";
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Deep enough for pnpm's {@code node_modules/.pnpm/<id>/node_modules/@scope/name/package.json}. */
  private static final int LAYOUT_DEPTH = 6;

  private final Path dir;

  private NpmProject(Path dir) {
    this.dir = dir;
  }

  /** A project with no dependencies yet, in {@code dir} (new or empty). */
  static NpmProject empty(Path dir) throws IOException {
    Files.createDirectories(dir);
    write(dir.resolve("package.json"), manifest());
    return new NpmProject(dir);
  }

  /**
   * A project that depends on exactly {@code version} of {@code name} and has a lockfile, as if
   * someone had installed it earlier from {@code resolved}: {@code npm ci} then downloads that URL
   * and checks {@code integrity} without asking for metadata.
   */
  static NpmProject locked(Path dir, String name, String version, String resolved, String integrity)
      throws IOException {
    Files.createDirectories(dir);
    ObjectNode manifest = manifest();
    manifest.putObject("dependencies").put(name, version);
    write(dir.resolve("package.json"), manifest);
    ObjectNode lock = JSON.createObjectNode().put("name", NAME).put("version", VERSION)
        .put("lockfileVersion", 3).put("requires", true);
    ObjectNode packages = lock.putObject("packages");
    packages.set("", manifest);
    packages.putObject("node_modules/" + name).put("version", version).put("resolved", resolved)
        .put("integrity", integrity);
    write(dir.resolve("package-lock.json"), lock);
    return new NpmProject(dir);
  }

  private static ObjectNode manifest() {
    return JSON.createObjectNode().put("name", NAME).put("version", VERSION).put("private", true);
  }

  private static void write(Path file, JsonNode json) throws IOException {
    Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json), StandardCharsets.UTF_8);
  }

  Path dir() {
    return dir;
  }

  /** Where {@code name} is installed (for npm and yarn; pnpm links it from its own store layout). */
  Path installedDir(String name) {
    return dir.resolve("node_modules").resolve(name);
  }

  /**
   * Every package installed anywhere under node_modules, as {@code name@version}. It reads each
   * {@code node_modules/<name>/package.json} and {@code node_modules/@scope/<name>/package.json}
   * without following links, so npm's and yarn's flat layout and pnpm's store layout (real
   * directories under {@code .pnpm}, linked from the top) list the same packages once each.
   */
  SortedSet<String> installed() throws IOException {
    SortedSet<String> installed = new TreeSet<>();
    Path modules = dir.resolve("node_modules");
    if (!Files.isDirectory(modules)) {
      return installed;
    }
    try (Stream<Path> files = Files.walk(modules, LAYOUT_DEPTH)) {
      for (Path manifest : files.filter(NpmProject::isPackageManifest).toList()) {
        JsonNode json = JSON.readTree(manifest.toFile());
        installed.add(json.path("name").asText() + "@" + json.path("version").asText());
      }
    }
    return installed;
  }

  private static boolean isPackageManifest(Path file) {
    if (!file.getFileName().toString().equals("package.json") || !Files.isRegularFile(file)) {
      return false;
    }
    Path packageDir = file.getParent();
    Path container = packageDir.getParent();
    if (container.getFileName().toString().startsWith("@")) {
      container = container.getParent();
    }
    return container.getFileName().toString().equals("node_modules");
  }

  /** The lockfile {@code client} wrote, as text; fails if there is none. */
  String lockfile(NpmClient client) throws IOException {
    Path file = dir.resolve(client.lockfileName());
    if (!Files.exists(file)) {
      throw new AssertionError(client + " wrote no " + client.lockfileName() + " in " + dir);
    }
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  /** npm's package-lock.json, parsed. */
  JsonNode packageLock() throws IOException {
    return JSON.readTree(lockfile(NpmClient.NPM));
  }
}
