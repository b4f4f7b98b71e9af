package dev.tollgate.gateway.sandbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The programs the sandbox is built from, found on {@code PATH} before anything is started, so a
 * missing one is reported with the Debian package that provides it rather than as a failure
 * halfway through setting up namespaces.
 */
final class HostTools {

  /** A program and the Debian package it comes in. */
  enum Tool {
    BWRAP("bwrap", "bubblewrap"),
    IP("ip", "iproute2"),
    RUNSC("runsc", "runsc");

    final String program;
    final String debianPackage;

    Tool(String program, String debianPackage) {
      this.program = program;
      this.debianPackage = debianPackage;
    }
  }

  private final Map<Tool, Path> found;

  private HostTools(Map<Tool, Path> found) {
    this.found = found;
  }

  /** Finds every tool in {@code PATH}, or fails naming the packages of all that are missing. */
  static HostTools require(String path, List<Tool> tools) throws SandboxUnavailableException {
    Map<Tool, Path> found = new LinkedHashMap<>();
    List<String> missing = new ArrayList<>();
    for (Tool tool : tools) {
      Optional<Path> located = locate(path, tool.program);
      located.ifPresent(p -> found.put(tool, p));
      if (located.isEmpty()) {
        missing.add(tool.program + " (Debian package " + tool.debianPackage + ")");
      }
    }
    if (!missing.isEmpty()) {
      throw new SandboxUnavailableException("tollgate sandbox needs " + String.join(" and ", missing)
          + "; install with: apt-get install " + String.join(" ", tools.stream()
          .filter(t -> !found.containsKey(t)).map(t -> t.debianPackage).toList()));
    }
    return new HostTools(found);
  }

  Path path(Tool tool) {
    return found.get(tool);
  }

  private static Optional<Path> locate(String path, String program) {
    for (String dir : Pattern.compile(":").split(path == null ? "" : path)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir, program);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
