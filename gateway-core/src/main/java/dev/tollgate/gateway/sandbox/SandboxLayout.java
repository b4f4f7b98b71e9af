package dev.tollgate.gateway.sandbox;

import java.nio.file.Path;
import java.util.List;

/**
 * Where things are for one sandbox run: the host directory with the relay socket and the
 * generated client files ({@code configDir}, seen inside as {@link ClientSetup#CONFIG_DIR}), the
 * scratch directory for the isolation's own state, the writable host directories, the working
 * directory inside, and whether the sandbox is started by root (which then must drop capabilities).
 */
record SandboxLayout(Path configDir, Path stateDir, List<Path> writable, String workingDirectory,
    boolean runsAsRoot) {

  /**
   * {@code requested} if the sandbox shows it (the private /tmp and /run hide the host's, unless a
   * writable directory brings that part back), else the sandbox's home.
   */
  static String workingDirectory(Path requested, List<Path> writable) {
    boolean broughtBack = writable.stream().anyMatch(requested::startsWith);
    return hidden(requested) && !broughtBack ? ClientSetup.HOME : requested.toString();
  }

  /** Whether the sandbox's private /tmp and /run hide the host's {@code path}. */
  static boolean hidden(Path path) {
    return path.startsWith("/tmp") || path.startsWith("/run");
  }
}
