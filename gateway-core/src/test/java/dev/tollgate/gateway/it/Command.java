package dev.tollgate.gateway.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs a short-lived external program to completion with a deadline. Output goes to a file, not a
 * pipe, so a chatty program can never block on a full pipe while the test waits for it.
 */
final class Command {

  /** How a program ended and everything it printed (stdout and stderr interleaved). */
  record Result(List<String> command, int exitCode, String output) {

    /** The command line, exit code and output, for assertion messages. */
    String describe() {
      return "$ " + String.join(" ", command) + "\n(exit code " + exitCode + ")\n" + output;
    }
  }

  private Command() {}

  /**
   * Runs {@code command}, letting {@code environment} adjust the inherited environment first.
   * Fails the test if the program does not finish within {@code timeout}.
   */
  static Result run(List<String> command, Consumer<Map<String, String>> environment, Duration timeout)
      throws IOException, InterruptedException {
    return run(command, environment, null, timeout);
  }

  /** As {@link #run(List, Consumer, Duration)}, in {@code directory} ({@code null}: this process's own). */
  static Result run(List<String> command, Consumer<Map<String, String>> environment, Path directory,
      Duration timeout) throws IOException, InterruptedException {
    Path output = Files.createTempFile("tollgate-it-command", ".out");
    try {
      ProcessBuilder builder = new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(output.toFile());
      if (directory != null) {
        builder.directory(directory.toFile());
      }
      environment.accept(builder.environment());
      Process process = builder.start();
      process.getOutputStream().close();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        throw new AssertionError("'" + String.join(" ", command) + "' did not finish within " + timeout
            + "; its output so far:\n" + Files.readString(output, StandardCharsets.UTF_8));
      }
      return new Result(List.copyOf(command), process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(output);
    }
  }
}
