package dev.tollgate.gateway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.gateway.sandbox.AgentCredentials;
import dev.tollgate.gateway.sandbox.MirroredRegistry;
import dev.tollgate.gateway.sandbox.SandboxRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code tollgate sandbox}'s command line: what it accepts, what it refuses and with which message. */
class SandboxCommandTest {

  @TempDir
  Path dir;

  private SandboxRequest parse(Map<String, String> env, String... args) throws Exception {
    return SandboxCommand.parse(List.of(args), env, dir);
  }

  /** Arguments are separated by ';' in the table, so that one may contain a space. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      ''                                        | the command after '--'
      true                                      | the command after '--'
      --gvisor;--                               | the command after '--'
      --color;red;--;true                       | unknown option --color
      --rw;--;true                              | --rw needs a value
      --gateway;https://gw:8080;--;true         | --gateway must be http://HOST[:PORT]
      --gateway;http://gw:8080/npm/;--;true     | --gateway must be http://HOST[:PORT]
      --gateway;http://user:pw@gw:8080;--;true  | --gateway must be http://HOST[:PORT]
      --gateway;http://gw:8080 x;--;true        | is not a URL
      --rw;/no/such/dir;--;true                 | --rw /no/such/dir is not a directory
      --rw;/;--;true                            | --rw / would make the whole filesystem writable
      --profile;ci;--;true                      | --profile ci needs its agent token: --token-file FILE or TOLLGATE_AGENT_TOKEN
      --token-file;token;--;true                | --token-file needs --profile NAME
      --profile;ci;--token-file;missing;--;true | --token-file missing cannot be read
      --profile;bad name;--token-file;token;--;true | profile name 'bad name' must be letters
      --profile;ci;--token-file;spaced;--;true  | must be one line of printable ASCII without spaces
      --registry;https://ghcr.io;--;true        | --registry: 'https://ghcr.io' is not a registry name
      --registry;ghcr.io=/Ghcr;--;true          | --registry: '/Ghcr' is not a path prefix of the gateway
      --registry;--;true                        | --registry needs a value
      """)
  void refusesWithAMessageSayingWhatIsWrong(String commandLine, String message) throws Exception {
    Files.writeString(dir.resolve("token"), "token\n");
    Files.writeString(dir.resolve("spaced"), "two words\n");
    List<String> args = commandLine.isEmpty() ? List.of() : List.of(commandLine.split(";"));

    UsageException e = assertThrows(UsageException.class, () -> SandboxCommand.parse(args, Map.of(), dir));

    assertTrue(e.getMessage().contains(message), e.getMessage());
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "http://127.0.0.1:9000, http://127.0.0.1:9000",
      "http://127.0.0.1:9000/, http://127.0.0.1:9000",
      "http://gateway.internal, http://gateway.internal:80"})
  void theGatewayIsAHostAndAPort(String given, String expected) throws Exception {
    assertEquals(expected, parse(Map.of(), "--gateway", given, "--", "true").gateway().toString());
  }

  @Test
  void theGatewayDefaultsToTheEnvironmentThenToTheLocalGateway() throws Exception {
    assertEquals("http://10.0.0.5:8080",
        parse(Map.of("TOLLGATE_GATEWAY", "http://10.0.0.5:8080"), "--", "true").gateway().toString());
    assertEquals(SandboxCommand.DEFAULT_GATEWAY, parse(Map.of(), "--", "true").gateway().toString());
  }

  @Test
  void withoutAProfileTheClientsAreAnonymousEvenIfATokenIsInTheEnvironment() throws Exception {
    assertEquals(Optional.empty(),
        parse(Map.of(SandboxCommand.TOKEN_VARIABLE, "tok"), "--", "true").credentials());
  }

  @Test
  void aProfilesTokenComesFromTheTokenFileBeforeTheEnvironment() throws Exception {
    Files.writeString(dir.resolve("token"), "from-file\n");

    assertEquals(Optional.of(new AgentCredentials("ci", "from-file")), parse(Map.of(SandboxCommand.TOKEN_VARIABLE,
        "from-env"), "--profile", "ci", "--token-file", "token", "--", "true").credentials());
    assertEquals(Optional.of(new AgentCredentials("ci", "from-env")), parse(Map.of(SandboxCommand.TOKEN_VARIABLE,
        "from-env"), "--profile", "ci", "--", "true").credentials());
  }

  @Test
  void everythingAfterTheSeparatorIsTheCommandEvenOptionsAndSeparators() throws Exception {
    Path rw = Files.createDirectory(dir.resolve("rw"));

    SandboxRequest request = parse(Map.of(), "--rw", "rw", "--gvisor", "--", "npm", "--rw", "--", "x");

    assertEquals(List.of("npm", "--rw", "--", "x"), request.command());
    assertEquals(List.of(rw.toRealPath()), request.writable());
    assertTrue(request.gvisor());
  }

  @Test
  void imageRegistriesComeFromTheEnvironmentThenFromEachRegistryOption() throws Exception {
    SandboxRequest request = parse(Map.of(SandboxCommand.REGISTRIES_VARIABLE, " quay.io , ,127.0.0.1:5000"),
        "--registry", "ghcr.io=ghcr", "--registry", "registry.k8s.io", "--", "true");

    assertEquals(List.of(new MirroredRegistry("quay.io", Optional.empty()),
        new MirroredRegistry("127.0.0.1:5000", Optional.empty()), new MirroredRegistry("ghcr.io", Optional.of("ghcr")),
        new MirroredRegistry("registry.k8s.io", Optional.empty())), request.registries());
  }

  @Test
  void aBadRegistryInTheEnvironmentIsNamedAsComingFromThere() {
    UsageException e = assertThrows(UsageException.class,
        () -> SandboxCommand.parse(List.of("--", "true"), Map.of(SandboxCommand.REGISTRIES_VARIABLE, "a b"), dir));

    assertTrue(e.getMessage().startsWith(SandboxCommand.REGISTRIES_VARIABLE + ": 'a b'"), e.getMessage());
  }
}
