package dev.tollgate.gateway.it;

import dev.tollgate.policy.coordinates.Ecosystem;
import dev.tollgate.policy.coordinates.PackageNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Real pip installing into one fresh, empty virtual environment. The venv is made without pip
 * (fast) and the machine's pip installs into it through {@code --python}. Every pip setting of
 * this machine (config files, {@code PIP_*} variables such as a global find-links) is switched
 * off, so the only place pip can find packages is the index URL the test names.
 */
final class Pip {

  private static final Duration VENV_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration INSTALL_TIMEOUT = Duration.ofSeconds(60);

  private final Python python;
  private final Path venv;

  private Pip(Python python, Path venv) {
    this.python = python;
    this.venv = venv;
  }

  /** Creates an empty venv at {@code venv}, a directory that is new or empty. */
  static Pip inFreshVenv(Python python, Path venv) throws IOException, InterruptedException {
    // --copies: no symlinks out of the test's temporary directory, so its cleanup stays quiet.
    Command.Result created = Command.run(
        python.command("-m", "venv", "--without-pip", "--copies", venv.toString()), env -> { }, VENV_TIMEOUT);
    if (created.exitCode() != 0) {
      throw new AssertionError("cannot create a venv for pip:\n" + created.describe());
    }
    return new Pip(python, venv);
  }

  /** {@code pip install} from {@code indexUrl} only; the result carries pip's exit code and output. */
  Command.Result install(String indexUrl, String... requirements) throws IOException, InterruptedException {
    List<String> arguments = new ArrayList<>(List.of("-m", "pip", "--python", venv.resolve("bin/python").toString(),
        "install", "--no-cache-dir", "--disable-pip-version-check", "--no-input", "--index-url", indexUrl));
    arguments.addAll(List.of(requirements));
    return Command.run(python.command(arguments.toArray(String[]::new)), Pip::isolateFromMachineSettings,
        INSTALL_TIMEOUT);
  }

  private static void isolateFromMachineSettings(Map<String, String> env) {
    env.keySet().removeIf(name -> name.startsWith("PIP_"));
    env.put("PIP_CONFIG_FILE", "/dev/null");
    env.put("PIP_FIND_LINKS", "");
  }

  /** What {@code import <module>; print(<module>.__version__)} prints in the venv: the code pip installed. */
  String importedVersion(String module) throws IOException, InterruptedException {
    Command.Result imported = Command.run(List.of(venv.resolve("bin/python").toString(), "-c",
        "import " + module + "; print(" + module + ".__version__)"), env -> { }, VENV_TIMEOUT);
    if (imported.exitCode() != 0) {
      throw new AssertionError("cannot import " + module + " from the venv:\n" + imported.describe());
    }
    return imported.output().strip();
  }

  /**
   * The distributions installed in the venv, as PEP 503-normalised name to version, read from the
   * {@code *.dist-info} directories (which pip names {@code <name>-<version>.dist-info}).
   */
  Map<String, String> installed() throws IOException {
    Map<String, String> installed = new TreeMap<>();
    try (Stream<Path> libs = Files.list(venv.resolve("lib"))) {
      for (Path lib : libs.toList()) {
        Path sitePackages = lib.resolve("site-packages");
        if (!Files.isDirectory(sitePackages)) {
          continue;
        }
        try (Stream<Path> entries = Files.list(sitePackages)) {
          entries.map(p -> p.getFileName().toString())
              .filter(name -> name.endsWith(".dist-info"))
              .map(name -> name.substring(0, name.length() - ".dist-info".length()))
              .forEach(nameAndVersion -> {
                int dash = nameAndVersion.lastIndexOf('-');
                installed.put(PackageNames.normalize(Ecosystem.PYPI, nameAndVersion.substring(0, dash)),
                    nameAndVersion.substring(dash + 1));
              });
        }
      }
    }
    return installed;
  }
}
