package dev.tollgate.gateway.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding the sandbox's programs, and saying which Debian packages to install when they are missing. */
class HostToolsTest {

  @TempDir
  Path dir;

  @Test
  void missingProgramsAreNamedWithTheirPackages() {
    SandboxUnavailableException e = assertThrows(SandboxUnavailableException.class,
        () -> HostTools.require(dir.toString(), List.of(HostTools.Tool.IP, HostTools.Tool.RUNSC)));

    assertEquals("tollgate sandbox needs ip (Debian package iproute2) and runsc (Debian package runsc);"
        + " install with: apt-get install iproute2 runsc", e.getMessage());
  }

  @Test
  void anExecutableInAnyPathDirectoryIsFound() throws Exception {
    Path bin = Files.createDirectory(dir.resolve("bin"));
    Path bwrap = Files.createFile(bin.resolve("bwrap"), PosixFilePermissions.asFileAttribute(
        PosixFilePermissions.fromString("rwxr-xr-x")));
    Files.createFile(dir.resolve("bwrap"));

    HostTools tools = HostTools.require(dir + "::" + bin, List.of(HostTools.Tool.BWRAP));

    assertEquals(bwrap, tools.path(HostTools.Tool.BWRAP));
  }
}
