package dev.tollgate.gateway.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The stronger isolation: the command runs in gVisor ({@code runsc}), whose own kernel stands
 * between it and the host's, inside a network namespace of ours that has only a loopback. Our
 * init runs in that namespace outside gVisor, relaying the loopback port to the Unix socket, and
 * starts {@code runsc run} on an OCI bundle that joins the namespace ({@code --network=host}
 * means: the namespace runsc is in). The host's filesystem is the read-only root; /tmp and /run
 * are private; no capabilities, no new privileges. Needs root (for the namespace). The namespace
 * and runsc's state are removed afterwards.
 */
final class Gvisor implements Isolation {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long TOOL_TIMEOUT_SECONDS = 10;

  private final Path ip;
  private final Path runsc;
  private final String name = "tollgate-" + ProcessHandle.current().pid() + "-"
      + HexFormat.of().toHexDigits((short) ThreadLocalRandom.current().nextInt());
  private Path runscRoot;
  private boolean namespaceCreated;

  Gvisor(HostTools tools) {
    this.ip = tools.path(HostTools.Tool.IP);
    this.runsc = tools.path(HostTools.Tool.RUNSC);
  }

  @Override
  public List<String> command(SandboxLayout layout, InitCommand init, List<String> command,
      Map<String, String> environment) throws IOException, InterruptedException {
    tool(true, ip.toString(), "netns", "add", name);
    namespaceCreated = true;
    tool(true, ip.toString(), "-n", name, "link", "set", "lo", "up");
    Path bundle = Files.createDirectory(layout.stateDir().resolve("bundle"));
    runscRoot = Files.createDirectory(layout.stateDir().resolve("runsc"));
    JSON.writeValue(bundle.resolve("config.json").toFile(), spec(layout, command, environment));
    List<String> line = new ArrayList<>(List.of(ip.toString(), "netns", "exec", name));
    line.addAll(init.relaying(layout.configDir().resolve(ClientSetup.SOCKET).toString(), List.of(runsc.toString(),
        "--ignore-cgroups", "--network=host", "--root", runscRoot.toString(), "run", "--bundle", bundle.toString(),
        name)));
    return line;
  }

  /** The OCI runtime spec: the command, its environment and the mounts of the sandbox. */
  private ObjectNode spec(SandboxLayout layout, List<String> command, Map<String, String> environment) {
    ObjectNode spec = JSON.createObjectNode().put("ociVersion", "1.0.2").put("hostname", "tollgate-sandbox");
    ObjectNode process = spec.putObject("process").put("terminal", false).put("cwd", layout.workingDirectory())
        .put("noNewPrivileges", true);
    process.putObject("user").put("uid", 0).put("gid", 0);
    command.forEach(process.putArray("args")::add);
    ArrayNode env = process.putArray("env");
    environment.forEach((k, v) -> env.add(k + "=" + v));
    spec.putObject("root").put("path", "/").put("readonly", true);
    ArrayNode mounts = spec.putArray("mounts");
    mount(mounts, "/proc", "proc", "proc");
    mount(mounts, "/tmp", "tmpfs", "tmpfs", "nosuid", "nodev");
    mount(mounts, ClientSetup.HOME, "tmpfs", "tmpfs", "nosuid", "nodev");
    mount(mounts, "/run", "tmpfs", "tmpfs", "nosuid", "nodev");
    mount(mounts, ClientSetup.CONFIG_DIR, "bind", layout.configDir().toString(), "rbind", "ro");
    for (Map.Entry<String, String> file : ClientSetup.homeFiles().entrySet()) {
      mount(mounts, ClientSetup.HOME + "/" + file.getKey(), "bind",
          layout.configDir().resolve(file.getValue()).toString(), "bind", "ro");
    }
    for (Path dir : layout.writable()) {
      mount(mounts, dir.toString(), "bind", dir.toString(), "rbind", "rw");
    }
    ArrayNode namespaces = spec.putObject("linux").putArray("namespaces");
    for (String type : List.of("pid", "ipc", "uts", "mount")) {
      namespaces.addObject().put("type", type);
    }
    namespaces.addObject().put("type", "network").put("path", "/var/run/netns/" + name);
    return spec;
  }

  private static void mount(ArrayNode mounts, String destination, String type, String source, String... options) {
    ObjectNode mount = mounts.addObject().put("destination", destination).put("type", type).put("source", source);
    ArrayNode list = mount.putArray("options");
    for (String option : options) {
      list.add(option);
    }
  }

  /**
   * SIGTERM to the command through runsc: {@code runsc run} does not pass signals on. runsc talks to
   * its sandbox over an abstract Unix socket, which exists only in the sandbox's network namespace.
   */
  @Override
  public void stop(ProcessHandle launcher) throws IOException, InterruptedException {
    if (runscRoot != null) {
      tool(false, runscInNamespace("kill", name, "TERM"));
    }
  }

  /** Forgets the container if runsc left it behind, and deletes the namespace. */
  @Override
  public void close() throws IOException, InterruptedException {
    if (runscRoot != null) {
      tool(false, runscInNamespace("delete", "--force", name));
    }
    if (namespaceCreated) {
      tool(true, ip.toString(), "netns", "delete", name);
    }
  }

  private String[] runscInNamespace(String... arguments) {
    List<String> command = new ArrayList<>(List.of(ip.toString(), "netns", "exec", name, runsc.toString(), "--root",
        runscRoot.toString()));
    command.addAll(List.of(arguments));
    return command.toArray(String[]::new);
  }

  /** Runs a setup or cleanup program; {@code mustSucceed}: a failure is an error, not something already done. */
  private static void tool(boolean mustSucceed, String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    if (!process.waitFor(TOOL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IOException(String.join(" ", command) + " did not finish in " + TOOL_TIMEOUT_SECONDS + " s");
    }
    if (mustSucceed && process.exitValue() != 0) {
      throw new IOException(String.join(" ", command) + " failed with exit code " + process.exitValue());
    }
  }
}
