package dev.tollgate.gateway.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code tollgate sandbox} as a user runs it: the packaged command line (the jar and its libraries,
 * as the {@code tollgate} launcher starts it) in a process of its own, pointed at a gateway. Every
 * script first prints the sandbox's network namespace, so that a test can show afterwards that no
 * process is left in it; the CLI's temporary directory is one of the test's own, so that a test can
 * show it is left empty.
 */
final class TollgateSandbox {

  static final Duration RUN_TIMEOUT = Duration.ofSeconds(120);
  private static final Pattern NAMESPACE_LINE = Pattern.compile("^sandbox-netns=(net:\\[\\d+])$", Pattern.MULTILINE);

  private final int gatewayPort;
  private final Path tmpDir;

  private TollgateSandbox(int gatewayPort, Path tmpDir) {
    this.gatewayPort = gatewayPort;
    this.tmpDir = tmpDir;
  }

  /** Sandboxes whose gateway listens on {@code gatewayPort}; the CLI keeps its temporary files in {@code tmpDir}. */
  static TollgateSandbox against(int gatewayPort, Path tmpDir) throws IOException {
    return new TollgateSandbox(gatewayPort, Files.createDirectories(tmpDir));
  }

  /** Runs {@code sh -c script} in a sandbox with {@code options}, adding {@code environment} to the CLI's own. */
  Command.Result run(List<String> options, String script, Map<String, String> environment)
      throws IOException, InterruptedException {
    return Command.run(commandLine(options, script), env -> env.putAll(environment), RUN_TIMEOUT);
  }

  /** Starts the sandbox and returns at once; everything it prints goes to {@code output}. */
  Process start(List<String> options, String script, Path output) throws IOException {
    return new ProcessBuilder(commandLine(options, script)).redirectErrorStream(true).redirectOutput(output.toFile())
        .start();
  }

  String gatewayUrl() {
    return "http://127.0.0.1:" + gatewayPort;
  }

  private List<String> commandLine(List<String> options, String script) throws IOException {
    Path target = Path.of("target").toAbsolutePath();
    List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Djava.io.tmpdir=" + tmpDir, "-cp", packagedJar(target) + ":" + target.resolve("lib") + "/*",
        "dev.tollgate.gateway.Main", "sandbox", "--gateway", gatewayUrl()));
    line.addAll(options);
    line.addAll(List.of("--", "sh", "-c", "echo sandbox-netns=$(readlink /proc/self/ns/net); " + script));
    return line;
  }

  private static Path packagedJar(Path target) throws IOException {
    try (Stream<Path> files = Files.list(target)) {
      return files.filter(p -> p.getFileName().toString().matches("gateway-core-.*-SNAPSHOT\\.jar")).findFirst()
          .orElseThrow(() -> new AssertionError("no packaged gateway-core jar in " + target
              + ": the sandbox tests run the CLI as users do; run them with 'mvn verify'"));
    }
  }

  /**
   * Asserts that the sandbox left nothing: no process in its network namespace (so the namespace
   * and the relay inside are gone), no named namespace of gVisor mode, and nothing in the CLI's
   * temporary directory (socket, generated client files, runsc's state).
   */
  void assertNothingLeft(String output) throws IOException, InterruptedException {
    Matcher namespace = NAMESPACE_LINE.matcher(output);
    assertTrue(namespace.find(), () -> "the sandbox did not print its network namespace:\n" + output);
    Optional<Long> inside = processesIn(namespace.group(1));
    assertEquals(Optional.empty(), inside, () -> "a process is still in the sandbox's namespace " + namespace.group(1));
    Command.Result namespaces = Command.run(List.of("ip", "netns", "list"), env -> { }, Duration.ofSeconds(10));
    assertFalse(namespaces.output().contains("tollgate-"), namespaces::describe);
    try (Stream<Path> left = Files.list(tmpDir)) {
      assertEquals(List.of(), left.toList(), "the sandbox left temporary files behind");
    }
  }

  /** A process of this machine in the network namespace {@code id}, if there is one. */
  private static Optional<Long> processesIn(String id) {
    return ProcessHandle.allProcesses().map(ProcessHandle::pid).filter(pid -> {
      try {
        return Files.readSymbolicLink(Path.of("/proc", pid.toString(), "ns", "net")).toString().equals(id);
      } catch (IOException | SecurityException gone) {
        return false;
      }
    }).findFirst();
  }
}
