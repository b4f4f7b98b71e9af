package dev.tollgate.gateway.sandbox;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.util.Arrays;
import java.util.List;
import sun.misc.Signal;

/**
 * The first program inside the sandbox: it opens the gateway's port on the sandbox's own loopback
 * (relayed to the Unix socket that leads out), then runs the command and exits with its exit code.
 * A SIGTERM or SIGHUP from outside is passed on to the command; SIGINT is not, because in a terminal
 * Ctrl-C already reaches the command itself (same process group) and an agent decides what it means.
 * Started by {@link Sandbox}, never by hand: {@code SandboxInit PORT SOCKET -- COMMAND [ARGS]}.
 */
public final class SandboxInit {

  /** The exit code a shell gives a command it cannot start. */
  static final int CANNOT_RUN = 127;

  private SandboxInit() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    List<String> arguments = Arrays.asList(args);
    int separator = arguments.indexOf("--");
    if (separator != 2 || arguments.size() < 4) {
      System.err.println("usage: SandboxInit PORT SOCKET -- COMMAND [ARGS]");
      System.exit(2);
    }
    ServerSocketChannel loopback = ServerSocketChannel.open(StandardProtocolFamily.INET)
        .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(args[0])));
    Relay relay = Relay.start(loopback, UnixDomainSocketAddress.of(args[1]));
    // The handlers go in before the command starts: a stop that comes as soon as the command runs
    // must reach the command, not end this JVM (which would kill the command without its cleanup).
    StopForwarding stops = new StopForwarding();
    Signal.handle(new Signal("INT"), ignored -> { });
    Signal.handle(new Signal("TERM"), signal -> stops.stop());
    Signal.handle(new Signal("HUP"), signal -> stops.stop());
    Process command;
    try {
      command = new ProcessBuilder(arguments.subList(3, arguments.size())).inheritIO().start();
    } catch (IOException e) {
      System.err.println("tollgate sandbox: cannot run " + args[3] + ": " + e.getMessage());
      relay.close();
      System.exit(CANNOT_RUN);
      return;
    }
    stops.started(command);
    int exitCode = command.waitFor();
    relay.close();
    System.exit(exitCode);
  }

  /** Passes a stop on to the command, also one that came before the command was started. */
  private static final class StopForwarding {
    private Process command;
    private boolean stopRequested;

    synchronized void stop() {
      stopRequested = true;
      if (command != null) {
        command.destroy();
      }
    }

    synchronized void started(Process started) {
      command = started;
      if (stopRequested) {
        started.destroy();
      }
    }
  }
}
