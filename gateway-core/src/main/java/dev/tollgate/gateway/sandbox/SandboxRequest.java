package dev.tollgate.gateway.sandbox;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything {@code tollgate sandbox} was asked for, already checked: the gateway ({@code http://}
 * with a host and a port), the agent's credentials if it has a profile, the host directories the
 * command may write (absolute, existing), gVisor or not, the command, where it was started, the
 * environment it was started with, and the image registries whose pulls go through the gateway
 * (besides Docker Hub).
 */
public record SandboxRequest(URI gateway, Optional<AgentCredentials> credentials, List<Path> writable,
    boolean gvisor, List<String> command, Path workingDirectory, Map<String, String> hostEnvironment,
    List<MirroredRegistry> registries) {

  public SandboxRequest {
    writable = List.copyOf(writable);
    registries = List.copyOf(registries);
    command = List.copyOf(command);
    hostEnvironment = Map.copyOf(hostEnvironment);
    if (command.isEmpty()) {
      throw new IllegalArgumentException("no command to run in the sandbox");
    }
  }

  /**
   * The port the gateway gets on the sandbox's loopback: the gateway's own, so URLs the gateway
   * writes from the Host header look familiar, unless it needs privileges to open (below 1024).
   */
  int insidePort() {
    return gateway.getPort() >= 1024 ? gateway.getPort() : 8080;
  }
}
