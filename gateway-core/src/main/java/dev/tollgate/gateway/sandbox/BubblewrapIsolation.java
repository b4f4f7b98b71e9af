package dev.tollgate.gateway.sandbox;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The default isolation, bubblewrap: a new network namespace (only its own loopback), new pid, IPC
 * and UTS namespaces, the host's filesystem read-only, a private /tmp and /run, the writable
 * directories bound back read-write, no capabilities (bubblewrap also sets no-new-privileges), and
 * everything killed when its parent dies. Its namespaces vanish with its processes, so there is
 * nothing to undo afterwards.
 */
final class BubblewrapIsolation implements Isolation {

  private final Path bwrap;

  BubblewrapIsolation(HostTools tools) {
    this.bwrap = tools.path(HostTools.Tool.BWRAP);
  }

  @Override
  public List<String> command(SandboxLayout layout, InitCommand init, List<String> command,
      Map<String, String> environment) {
    List<String> line = new ArrayList<>(List.of(bwrap.toString(),
        "--die-with-parent", "--unshare-net", "--unshare-pid", "--unshare-ipc", "--unshare-uts",
        "--unshare-cgroup-try", "--hostname", "tollgate-sandbox",
        "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc",
        "--tmpfs", "/tmp", "--tmpfs", "/run", "--dir", ClientSetup.HOME,
        "--ro-bind", layout.configDir().toString(), ClientSetup.CONFIG_DIR));
    for (Map.Entry<String, String> file : ClientSetup.homeFiles().entrySet()) {
      line.addAll(List.of("--ro-bind", layout.configDir().resolve(file.getValue()).toString(),
          ClientSetup.HOME + "/" + file.getKey()));
    }
    for (Path path : init.hostPaths()) {
      if (SandboxLayout.hidden(path)) {
        line.addAll(List.of("--ro-bind", path.toString(), path.toString()));
      }
    }
    for (Path dir : layout.writable()) {
      line.addAll(List.of("--bind", dir.toString(), dir.toString()));
    }
    if (layout.runsAsRoot()) {
      line.addAll(List.of("--cap-drop", "ALL"));
    }
    line.addAll(List.of("--chdir", layout.workingDirectory(), "--"));
    line.addAll(init.relaying(ClientSetup.CONFIG_DIR + "/" + ClientSetup.SOCKET, command));
    return line;
  }

  /** SIGTERM to our init, which passes it on (bubblewrap, the namespace's pid 1, would not). */
  @Override
  public void stop(ProcessHandle launcher) {
    commandInit(launcher).destroy();
  }

  /**
   * The first process below the launcher that is not bubblewrap (it forks itself as the
   * namespace's pid 1); the launcher itself if the sandbox is not set up yet, which ends it all.
   */
  private static ProcessHandle commandInit(ProcessHandle launcher) {
    ProcessHandle current = launcher;
    while (current.info().command().map(c -> c.endsWith("/bwrap")).orElse(false)) {
      List<ProcessHandle> children = current.children().toList();
      if (children.size() != 1) {
        break;
      }
      current = children.get(0);
    }
    return current;
  }
}
