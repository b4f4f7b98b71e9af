package dev.tollgate.gateway.sandbox;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/** One way of isolating the command (bubblewrap, gVisor): the launcher's command line, and undoing what it set up. */
interface Isolation extends AutoCloseable {

  /**
   * The command line that runs {@code command} isolated as {@code layout} says, behind {@code init}
   * (the relay to the gateway), with the generated client files in place and {@code environment}.
   */
  List<String> command(SandboxLayout layout, InitCommand init, List<String> command,
      Map<String, String> environment) throws IOException,
      InterruptedException;

  /** Asks the command to end: SIGTERM to it, by whatever way this isolation reaches it. */
  void stop(ProcessHandle launcher) throws IOException, InterruptedException;

  /** Removes what {@link #command} set up outside the launcher (namespaces, state); nothing by default. */
  @Override
  default void close() throws IOException, InterruptedException {}
}
