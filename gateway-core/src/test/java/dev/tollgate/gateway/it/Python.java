package dev.tollgate.gateway.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The real {@code python3} (and its pip) that these tests drive. Found once through {@code PATH}
 * and then called by its absolute path, which skips version-manager shims on every later start.
 * A missing interpreter or pip fails the suite with a message naming the tool: these tests are
 * about real clients, so skipping them silently would report a pass that proved nothing.
 */
final class Python {

  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(30);
  private static Python found;

  private final Path executable;
  private final String pipVersion;

  private Python(Path executable, String pipVersion) {
    this.executable = executable;
    this.pipVersion = pipVersion;
  }

  /** The interpreter on {@code PATH}; fails (never skips) when python3 or its pip is missing. */
  static synchronized Python require() throws InterruptedException {
    if (found == null) {
      found = locate();
    }
    return found;
  }

  private static Python locate() throws InterruptedException {
    Command.Result interpreter;
    try {
      interpreter = Command.run(List.of("python3", "-c", "import sys; print(sys.executable)"), env -> { },
          PROBE_TIMEOUT);
    } catch (IOException e) {
      throw new AssertionError("python3 is required on PATH for the pip integration tests: " + e.getMessage(), e);
    }
    if (interpreter.exitCode() != 0) {
      throw new AssertionError("python3 is required on PATH for the pip integration tests but does not run:\n"
          + interpreter.describe());
    }
    Path executable = Path.of(interpreter.output().strip());
    if (!Files.isExecutable(executable)) {
      throw new AssertionError("python3 reported '" + executable + "' as its executable, which cannot be run");
    }
    Command.Result pip;
    try {
      pip = Command.run(List.of(executable.toString(), "-m", "pip", "--version"), env -> { }, PROBE_TIMEOUT);
    } catch (IOException e) {
      throw new AssertionError("cannot start " + executable + ": " + e.getMessage(), e);
    }
    if (pip.exitCode() != 0) {
      throw new AssertionError("pip is required for the pip integration tests but '" + executable
          + " -m pip' is not available:\n" + pip.describe());
    }
    return new Python(executable, pip.output().strip());
  }

  Path executable() {
    return executable;
  }

  /** What {@code pip --version} printed, for failure messages and reports. */
  String pipVersion() {
    return pipVersion;
  }

  /** The interpreter's command line followed by {@code arguments}. */
  List<String> command(String... arguments) {
    return Stream.concat(Stream.of(executable.toString()), Arrays.stream(arguments)).toList();
  }
}
