package dev.tollgate.gateway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.gateway.Main;
import dev.tollgate.policy.coordinates.Ecosystem;
import dev.tollgate.policy.coordinates.ImageCoordinates;
import dev.tollgate.policy.coordinates.PackageCoordinates;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code tollgate} command line as an operator runs it, against the shipped configuration. */
class CommandLineTest {

  /** The repository's shipped configuration, seen from the gateway-core module directory. */
  private static final String SHIPPED = "../conf";

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final PrintStream stdout = new PrintStream(out, true, StandardCharsets.UTF_8);
  private final PrintStream stderr = new PrintStream(err, true, StandardCharsets.UTF_8);

  private static InputStream stdin(String lines) {
    return new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8));
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  /** Runs the command line as {@code main} would, returning the exit status instead of exiting. */
  private int tollgate(String... args) {
    return Main.run(List.of(args), stdout, stderr);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"--help", "-h", "help"})
  void helpListsEveryCommand(String flag) throws Exception {
    assertEquals(0, tollgate(flag));

    for (String command : List.of("serve", "check", "typosquat", "policy validate", "allow add", "allow from-decision",
        "deny add", "decisions", "status", "reload", "sandbox",
        "verify-bundle")) {
      assertTrue(out().contains("  " + command), command + " missing from:\n" + out());
    }
  }

  @Test
  void policyValidatePassesTheShippedPolicyAndNamesFileLineAndFieldOfAnError(@TempDir Path dir) throws Exception {
    assertEquals(0, tollgate("policy", "validate", "../conf/policy"), out());
    assertTrue(out().contains("pypi.yaml: ok"), out());
    assertTrue(out().contains("signatures.yaml: ok"), out());

    Files.writeString(dir.resolve("npm.yaml"), "allow:\n  - name: lodash\n    version: \"^4 ||| x\"\n");
    Files.writeString(dir.resolve("signatures.yaml"), "unmatched: maybe\n");
    Files.writeString(dir.resolve("pypi.yaml"), "allow:\n  - name: requests\n    expires: soon\n");
    out.reset();
    assertEquals(1, tollgate("policy", "validate", dir.toString()));
    assertTrue(out().contains(dir.resolve("pypi.yaml") + ":3: allow[0].expires: 'soon' is not a date"), out());
    assertTrue(out().contains(dir.resolve("npm.yaml") + ":3: allow[0].version"), out());
    assertTrue(out().contains(dir.resolve("signatures.yaml") + ":1"), out());
    assertEquals(2, tollgate("policy", "validate", dir.resolve("absent").toString()));
  }

  @Test
  void adminCommandsNeedATokenAndAnHttpUrl() {
    UsageException noToken = assertThrows(UsageException.class,
        () -> AdminClient.from(Options.parse(List.of(), AdminClient.OPTIONS), Map.of()));
    assertTrue(noToken.getMessage().contains("TOLLGATE_ADMIN_TOKEN"), noToken.getMessage());
    UsageException badUrl = assertThrows(UsageException.class, () -> AdminClient.from(
        Options.parse(List.of("--admin-url", "ftp://127.0.0.1:8081"), AdminClient.OPTIONS),
        Map.of("TOLLGATE_ADMIN_TOKEN", "t")));
    assertTrue(badUrl.getMessage().contains("http(s)://HOST:PORT"), badUrl.getMessage());
  }

  @Test
  void noCommandShowsUsageAndFails() throws Exception {
    assertEquals(2, tollgate());
    assertTrue(out().startsWith("Usage: tollgate"), out());
  }

  @Test
  void anUnknownCommandIsAUsageError() throws Exception {
    assertEquals(2, tollgate("deploy"));

    assertTrue(err().contains("unknown command 'deploy'"), err());
    assertTrue(err().contains("--help"), err());
  }

  @ParameterizedTest(name = "check pypi {0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      requests                     | 0 | pypi requests: allow              | [allow-list]
      reqeusts                     | 1 | pypi reqeusts: deny               | [typosquat] 'reqeusts' looks like a typosquat of 'requests'
      """)
  void checkPrintsTheVerdictWithItsRules(String spec, int status, String verdictLine, String reason)
      throws Exception {
    assertEquals(status, tollgate("check", "pypi", spec, "--config", SHIPPED), err());

    assertTrue(out().startsWith(verdictLine + "\n"), out());
    assertTrue(out().contains("  - " + reason), out());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      check pypi                       | check takes an ecosystem and a package
      check pypi a b                   | check takes an ecosystem and a package
      check maven junit                | unknown ecosystem 'maven'
      check pypi ==1.0                 | no package name
      check pypi requests==            | no version after '=='
      check pypi requests --colour on  | unknown option --colour
      check pypi requests --config     | --config needs a value
      check oci alpine@sha256:12       | is not an image name: not a digest
      check oci alpine:                | is not an image name: not a tag
      check oci /alpine                | no image name
      """)
  void aMalformedCheckIsAUsageError(String line, String complaint) throws Exception {
    assertEquals(2, tollgate(line.split(" ")));

    assertTrue(err().contains(complaint), err());
  }

  @Test
  void aBrokenConfigurationFailsWithItsMessage(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("tollgate.yaml"), "server:\n  port: 99999\n");

    assertEquals(1, tollgate("check", "pypi", "requests", "--config", dir.toString()));

    assertTrue(err().contains("server.port"), err());
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(delimiter = '|', textBlock = """
      PYPI | requests==2.32.3    | requests    | 2.32.3
      PYPI | ' Flask == 3.0 '    | Flask       | 3.0
      PYPI | numpy               | numpy       |
      NPM  | lodash@4.17.21      | lodash      | 4.17.21
      NPM  | lodash              | lodash      |
      NPM  | @types/node@20.1.0  | @types/node | 20.1.0
      NPM  | @types/node         | @types/node |
      """)
  void checkReadsANameAndAnOptionalVersion(Ecosystem ecosystem, String spec, String name, String version)
      throws Exception {
    assertEquals(new PackageCoordinates(ecosystem, name, Optional.ofNullable(version)),
        CheckCommand.parse(ecosystem, spec));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      alpine                                 | docker.io | library/alpine  |         |
      alpine:3.20                            | docker.io | library/alpine  | 3.20    |
      docker.io/alpine:3.20                  | docker.io | library/alpine  | 3.20    |
      bitnami/redis:7                        | docker.io | bitnami/redis   | 7       |
      ghcr.io/acme/app                       | ghcr.io   | acme/app        |         |
      localhost/acme/app:v1                  | localhost | acme/app        | v1      |
      127.0.0.1:5000/tollgate/hello:v1       | 127.0.0.1:5000 | tollgate/hello | v1 |
      alpine@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa | docker.io | library/alpine | | sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
      """)
  void checkReadsAnImageAsClientsNameIt(String text, String registry, String repository, String tag, String digest)
      throws Exception {
    assertEquals(new ImageCoordinates(registry, repository, Optional.ofNullable(tag), Optional.ofNullable(digest)),
        CheckCommand.image(text));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      alpine:3.20                | 0 | oci docker.io/library/alpine 3.20: allow   | [allow-list]
      docker.io/library/alpine:edge | 1 | oci docker.io/library/alpine edge: deny | [version-not-allowed]
      ubunto:24.04               | 1 | oci docker.io/library/ubunto 24.04: deny   | [typosquat]
      """)
  void checkExplainsAnImageWithTheShippedPolicy(String image, int status, String verdictLine, String rule) {
    assertEquals(status, tollgate("check", "oci", image, "--config", SHIPPED), err());

    assertTrue(out().startsWith(verdictLine + "\n"), out());
    assertTrue(out().contains("  - " + rule), out());
  }

  @Test
  void checkExplainsAnNpmTyposquatWithTheShippedPolicy() {
    assertEquals(1, tollgate("check", "npm", "lodahs", "--config", SHIPPED));
    assertTrue(out().contains("[typosquat] 'lodahs' looks like a typosquat of 'lodash'"), out());
  }

  @Test
  void typosquatReadsNamesOnStdinAgainstAProtectedFile(@TempDir Path dir) throws Exception {
    Path protectedNames = Files.writeString(dir.resolve("protected.tsv"),
        "# ecosystem, name, rank\npypi\trequests\t1\nnpm\texpress\n");

    int status = TyposquatCommand.run(List.of("--protected", protectedNames.toString()),
        stdin("pypi\treqeusts\npypi\trequests\n# a comment\n\npypi\tnumpyy\nnpm\texpresss\n"), stdout);

    assertEquals(0, status);
    assertEquals("""
        pypi\treqeusts\t1\trequests
        pypi\trequests\t0\t
        pypi\tnumpyy\t0\t
        npm\texpresss\t1\texpress
        """, out());
  }

  @Test
  void typosquatUsesTheShippedPopularListsByDefault() throws Exception {
    int status = TyposquatCommand.run(List.of("--config", SHIPPED), stdin("pypi\tnumpyy\n"), stdout);

    assertEquals(0, status);
    assertEquals("pypi\tnumpyy\t1\tnumpy\n", out());
  }

  @Test
  void typosquatRefusesABadInputLine(@TempDir Path dir) throws Exception {
    Path protectedNames = Files.writeString(dir.resolve("protected.tsv"), "pypi\trequests\n");

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TyposquatCommand.run(
        List.of("--protected", protectedNames.toString()), stdin("pypi\trequests\npypi\n"), stdout));

    assertTrue(e.getMessage().contains("line 2"), e.getMessage());
  }
}
