package dev.tollgate.gateway.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import sun.misc.Signal;

/**
 * Runs one command in a sandbox whose only network route is the gateway, and leaves nothing behind.
 * The gateway is reached through a relay in this process (a Unix socket in a private temporary
 * directory, connected to the gateway's TCP port) and a relay inside the sandbox ({@link
 * SandboxInit}, the gateway's port on the sandbox's own loopback). SIGTERM and SIGHUP (and SIGINT
 * when no terminal delivers it to the command itself) are passed on to the command; if it has not
 * ended {@link #STOP_GRACE} later, the sandbox is killed. The command's exit code is returned.
 */
public final class Sandbox {

  /** How long a command may take to end after SIGTERM before the whole sandbox is killed. */
  static final Duration STOP_GRACE = Duration.ofSeconds(10);
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);

  private Sandbox() {}

  /** Runs {@code request}'s command to its end; returns its exit code. */
  public static int run(SandboxRequest request) throws SandboxUnavailableException, IOException,
      InterruptedException {
    if (!"Linux".equals(System.getProperty("os.name"))) {
      throw new SandboxUnavailableException("tollgate sandbox runs on Linux only");
    }
    if (request.gvisor() && !runsAsRoot()) {
      throw new SandboxUnavailableException("--gvisor needs root: it creates a network namespace");
    }
    String path = request.hostEnvironment().get("PATH");
    Isolation isolation = request.gvisor()
        ? new Gvisor(HostTools.require(path, List.of(HostTools.Tool.IP, HostTools.Tool.RUNSC)))
        : new BubblewrapIsolation(HostTools.require(path, List.of(HostTools.Tool.BWRAP)));
    InetSocketAddress gateway = reachable(request);
    Path workDir = Files.createTempDirectory("tollgate-sandbox-");
    try {
      return run(request, isolation, gateway, workDir);
    } finally {
      deleteTree(workDir);
    }
  }

  private static int run(SandboxRequest request, Isolation isolation, InetSocketAddress gateway, Path workDir)
      throws IOException, InterruptedException {
    Path configDir = Files.createDirectory(workDir.resolve("run"));
    ClientSetup clients = new ClientSetup(request.insidePort(), request.credentials(), request.registries());
    for (Map.Entry<String, String> file : clients.files().entrySet()) {
      Path written = Files.writeString(configDir.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
      Files.setPosixFilePermissions(written, PosixFilePermissions.fromString("rw-------"));
    }
    SandboxLayout layout = new SandboxLayout(configDir, Files.createDirectory(workDir.resolve("state")),
        request.writable(), SandboxLayout.workingDirectory(request.workingDirectory(), request.writable()),
        runsAsRoot());
    ServerSocketChannel socket = ServerSocketChannel.open(StandardProtocolFamily.UNIX)
        .bind(UnixDomainSocketAddress.of(configDir.resolve(ClientSetup.SOCKET)));
    try (Relay relay = Relay.start(socket, gateway); isolation) {
      Map<String, String> environment = clients.environment(request.hostEnvironment());
      ProcessBuilder builder = new ProcessBuilder(isolation.command(layout, new InitCommand(request.insidePort()),
          request.command(), environment)).inheritIO();
      builder.environment().clear();
      builder.environment().putAll(environment);
      Process sandbox = builder.start();
      forwardStopSignals(isolation, sandbox);
      return sandbox.waitFor();
    }
  }

  private static InetSocketAddress reachable(SandboxRequest request) throws SandboxUnavailableException {
    InetSocketAddress address = new InetSocketAddress(request.gateway().getHost(), request.gateway().getPort());
    try (Socket probe = new Socket()) {
      probe.connect(address, (int) CONNECT_TIMEOUT.toMillis());
    } catch (IOException e) {
      throw new SandboxUnavailableException("the gateway at " + request.gateway() + " does not answer ("
          + e.getMessage() + "); start it with 'tollgate serve' or name it with --gateway");
    }
    return address;
  }

  private static void forwardStopSignals(Isolation isolation, Process sandbox) {
    Signal.handle(new Signal("TERM"), signal -> stop(isolation, sandbox));
    Signal.handle(new Signal("HUP"), signal -> stop(isolation, sandbox));
    boolean terminalDeliversCtrlC = System.console() != null;
    Signal.handle(new Signal("INT"), signal -> {
      if (!terminalDeliversCtrlC) {
        stop(isolation, sandbox);
      }
    });
  }

  /** SIGTERM to the command (through its isolation), then, after the grace period, SIGKILL to all. */
  private static void stop(Isolation isolation, Process sandbox) {
    Thread stopper = new Thread(() -> {
      try {
        isolation.stop(sandbox.toHandle());
        if (sandbox.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
          return;
        }
      } catch (IOException e) {
        System.err.println("tollgate: cannot stop the sandboxed command (" + e.getMessage() + "); killing it");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      sandbox.descendants().forEach(ProcessHandle::destroyForcibly);
      sandbox.destroyForcibly();
    }, "tollgate-sandbox-stop");
    stopper.setDaemon(true);
    stopper.start();
  }

  private static boolean runsAsRoot() throws IOException {
    return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
