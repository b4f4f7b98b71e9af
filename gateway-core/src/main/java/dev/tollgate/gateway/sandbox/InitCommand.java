package dev.tollgate.gateway.sandbox;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How to start {@link SandboxInit}: the same Java and Tollgate's own classes, tuned to start fast
 * and stay small, relaying the gateway's port from the loopback it starts on to a Unix socket.
 */
record InitCommand(int port) {

  /** {@code SandboxInit PORT socket -- command}. */
  List<String> relaying(String socket, List<String> command) {
    List<String> init = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData", "-Xmx64m",
        "-cp", codeLocation().toString(), SandboxInit.class.getName(), Integer.toString(port), socket, "--"));
    init.addAll(command);
    return init;
  }

  /**
   * The host paths the init needs inside the sandbox: Tollgate's classes and the Java running them
   * (an installation under /tmp, a CI checkout for one, would otherwise be hidden by the private /tmp).
   */
  List<Path> hostPaths() {
    return List.of(codeLocation(), Path.of(System.getProperty("java.home")));
  }

  private static Path codeLocation() {
    try {
      return Path.of(SandboxInit.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot locate Tollgate's classes", e);
    }
  }
}
