package dev.tollgate.gateway.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One package version the tests publish to the local registry, as the source directory that
 * {@code npm publish} packs. A package with an install script gets one that leaves a marker file in
 * its own installed directory, so a test can tell whether the script ran.
 *
 * @param dependencies name to semver range, as in package.json
 */
record NpmFixturePackage(String name, String version, Map<String, String> dependencies, boolean installScript) {

  /** The file a fixture's postinstall script writes into the package's installed directory. */
  static final String INSTALL_SCRIPT_MARKER = "install-script-ran";

  private static final ObjectMapper JSON = new ObjectMapper();

  NpmFixturePackage {
    dependencies = Map.copyOf(dependencies);
  }

  static NpmFixturePackage of(String name, String version) {
    return new NpmFixturePackage(name, version, Map.of(), false);
  }

  NpmFixturePackage dependingOn(String dependency, String range) {
    Map<String, String> more = new LinkedHashMap<>(dependencies);
    more.put(dependency, range);
    return new NpmFixturePackage(name, version, more, installScript);
  }

  NpmFixturePackage withInstallScript() {
    return new NpmFixturePackage(name, version, dependencies, true);
  }

  /** {@code name@version}, the way npm spells a package version. */
  String id() {
    return name + "@" + version;
  }

  /** Writes package.json and the package's code into {@code dir} (new or empty) and returns it. */
  Path writeSource(Path dir) throws IOException {
    Files.createDirectories(dir);
    ObjectNode manifest = JSON.createObjectNode()
        .put("name", name)
        .put("version", version)
        .put("description", "Tollgate end-to-end test fixture")
        .put("license", "MIT")
        .put("main", "index.js");
    if (!dependencies.isEmpty()) {
      manifest.set("dependencies", JSON.valueToTree(dependencies));
    }
    if (installScript) {
      manifest.putObject("scripts").put("postinstall", "node install.js");
      Files.writeString(dir.resolve("install.js"),
          "require('fs').writeFileSync(require('path').join(__dirname, '" + INSTALL_SCRIPT_MARKER
              + "'), '" + id() + "\\n');\n", StandardCharsets.UTF_8);
    }
    Files.writeString(dir.resolve("package.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(manifest),
        StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("index.js"), "module.exports = '" + id() + "';\n", StandardCharsets.UTF_8);
    return dir;
  }
}
