package dev.tollgate.gateway.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where the command starts: where tollgate was started, unless the sandbox hides that directory. */
class SandboxLayoutTest {

  @ParameterizedTest(name = "{0} with --rw {1} -> {2}")
  @CsvSource({
      "/srv/project,        /data,         /srv/project",
      "/tmp/build,          /data,         /tmp/home",
      "/run/user/0,         /data,         /tmp/home",
      "/tmp/build/src,      /tmp/build,    /tmp/build/src",
      "/tmpfiles/project,   /data,         /tmpfiles/project"})
  void startsWhereTollgateStartedIfTheSandboxShowsIt(String started, String writable, String expected) {
    assertEquals(expected, SandboxLayout.workingDirectory(Path.of(started), List.of(Path.of(writable))));
  }
}
