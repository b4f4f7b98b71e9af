package dev.tollgate.gateway.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Real skopeo and podman pulling from a gateway that has agent tokens, in each way they can hold a
 * token. containers/image sends a mirror only the credentials its auth file holds for the mirror's
 * own host:port; {@code --creds} go to the registry the image is named by, never to a mirror. So the
 * token in the auth file for the gateway's host, or {@code --creds} when pulling from the gateway by
 * its own address, pulls and the audit lines name the agent; a wrong token, no token, or a token
 * the client keeps for someone else is a 401 whose message the client prints, and nothing reaches
 * the registry. The registry name the clients pull by points at a closed port, as in {@link OciPullIT}.
 */
@ExtendWith(NettyLeakCheck.class)
class OciAgentTokensIT {

  private static final String AGENT = "ci-runner";
  private static final String TOKEN = "ci-4f0d8b2e6a1c9e7d3b5f";
  private static final String WRONG_TOKEN = "not-a-token-of-this-gateway";
  private static final String HINT = "; log in to the gateway's own HOST:PORT with the agent's token (podman login,"
      + " or auth.json); a registry mirror is never sent --creds";

  /** Where the client is given the token, and how it names the image. */
  enum Setup {
    /** auth.json holds the token for the gateway's host:port; the image is pulled by the registry's name. */
    AUTH_FILE_FOR_THE_GATEWAY,
    /** auth.json holds the token for the registry's name; the image is pulled by that name. */
    AUTH_FILE_FOR_THE_REGISTRY,
    /** {@code --creds}; the image is pulled by the registry's name, through the mirror. */
    CREDS_THROUGH_THE_MIRROR,
    /** {@code --creds}; the image is pulled by the gateway's own address. */
    CREDS_FROM_THE_GATEWAY,
    /** No credentials at all. */
    NONE
  }

  @TempDir static Path shared;
  private static OciTools tools;
  private static OciRegistry registry;
  private static OciImage hello;

  @TempDir Path dir;
  private OciGateway gateway;
  private ClientRegistries mirror;

  @BeforeAll
  static void pushTheImage() throws Exception {
    tools = OciTools.require();
    registry = OciRegistry.start(tools, shared.resolve("registry"));
    hello = OciImage.write(shared.resolve("hello"), "v1", "hello to agents with tokens\n");
    new Skopeo(tools, shared.resolve("pusher"), ClientRegistries.mirroredAt(shared.resolve("pusher-conf"),
        registry.authority())).push(hello, registry.authority(), "tollgate/hello", "v1");
  }

  @AfterAll
  static void stopTheRegistry() {
    if (registry != null) {
      registry.close();
    }
  }

  @BeforeEach
  void startTheGateway() throws Exception {
    gateway = OciGateway.start(dir.resolve("gateway"), registry,
        "allow:\n  - name: \"" + registry.authority() + "/tollgate/hello\"\n", "",
        Map.of("TOLLGATE_AGENT_TOKENS", AGENT + "=" + TOKEN));
    mirror = ClientRegistries.mirroredAt(dir.resolve("conf"), gateway.authority());
  }

  @AfterEach
  void stopTheGateway() {
    if (gateway != null) {
      gateway.close();
    }
  }

  @ParameterizedTest(name = "{0} with {1}")
  @CsvSource({"skopeo, AUTH_FILE_FOR_THE_GATEWAY", "podman, AUTH_FILE_FOR_THE_GATEWAY",
      "skopeo, CREDS_FROM_THE_GATEWAY", "podman, CREDS_FROM_THE_GATEWAY"})
  void theAgentsTokenPullsAndTheAuditLinesNameTheAgent(String client, Setup setup) throws Exception {
    Command.Result pulled = pull(client, setup, TOKEN);

    assertEquals(0, pulled.exitCode(), pulled.describe() + "\n--- audit ---\n" + gateway.audit().text());
    assertNamesTheAgent();
  }

  @ParameterizedTest(name = "{0} with {1}, token: {2}")
  @CsvSource({
      "skopeo, AUTH_FILE_FOR_THE_GATEWAY,  wrong, the agent token is not valid",
      "podman, AUTH_FILE_FOR_THE_GATEWAY,  wrong, the agent token is not valid",
      "skopeo, CREDS_FROM_THE_GATEWAY,     wrong, the agent token is not valid",
      "podman, CREDS_FROM_THE_GATEWAY,     wrong, the agent token is not valid",
      "skopeo, NONE,                       none,  this gateway needs an agent token",
      "podman, NONE,                       none,  this gateway needs an agent token",
      "skopeo, CREDS_THROUGH_THE_MIRROR,   right, this gateway needs an agent token",
      "podman, CREDS_THROUGH_THE_MIRROR,   right, this gateway needs an agent token",
      "skopeo, AUTH_FILE_FOR_THE_REGISTRY, right, this gateway needs an agent token",
      "podman, AUTH_FILE_FOR_THE_REGISTRY, right, this gateway needs an agent token"})
  void aTokenTheGatewayIsNotSentOrDoesNotKnowIsRefusedWith401AndTheClientPrintsWhy(String client, Setup setup,
      String token, String reason) throws Exception {
    String registryLog = registry.log();

    Command.Result pulled = pull(client, setup, switch (token) {
      case "right" -> TOKEN;
      case "wrong" -> WRONG_TOKEN;
      default -> null;
    });

    assertNotEquals(0, pulled.exitCode(), pulled.describe());
    assertTrue(pulled.output().contains("unauthorized: " + reason + HINT), pulled.describe());
    assertFalse(pulled.output().contains(WRONG_TOKEN) || pulled.output().contains(TOKEN),
        "the client's output shows the token:\n" + pulled.describe());
    assertEquals(registryLog, registry.log(), "no request reached the registry");
    assertEquals(List.of(), gateway.audit().entries(), "no decision was made, so no audit line");
  }

  @Test
  void podmanLoginStoresTheTokenForTheGatewaysHostWhichThePullThroughTheMirrorThenSends() throws Exception {
    Podman podman = new Podman(tools, dir.resolve("podman"), mirror);

    Command.Result refused = podman.run(login(WRONG_TOKEN));
    Command.Result login = podman.run(login(TOKEN));
    Command.Result pulled = podman.pull("tollgate/hello", "v1");

    assertNotEquals(0, refused.exitCode(), refused.describe());
    assertTrue(refused.output().contains("invalid username/password"), "podman's own words for a 401 at login: "
        + refused.describe());
    assertEquals(0, login.exitCode(), login.describe());
    assertEquals(0, pulled.exitCode(), pulled.describe() + "\n--- audit ---\n" + gateway.audit().text());
    assertNamesTheAgent();
  }

  private List<String> login(String token) {
    return List.of("login", "--tls-verify=false", "--username", AGENT, "--password", token, gateway.authority());
  }

  private void assertNamesTheAgent() throws InterruptedException {
    JsonNode manifest = gateway.audit().await("/tollgate/hello/manifests/v1", 200);
    JsonNode layer = gateway.audit().await("/tollgate/hello/blobs/" + hello.layer(), 200);
    assertAll(
        () -> assertEquals(AGENT, manifest.path("agent").asText(), manifest::toString),
        () -> assertEquals("allow", manifest.path("verdict").asText(), manifest::toString),
        () -> assertEquals(AGENT, layer.path("agent").asText(), layer::toString),
        () -> assertFalse(gateway.audit().text().contains(TOKEN), "the audit log holds the token"));
  }

  /** Runs {@code client} pulling {@code tollgate/hello:v1} with {@code token} (null: none) given as {@code setup} says. */
  private Command.Result pull(String client, Setup setup, String token) throws IOException, InterruptedException {
    boolean skopeo = client.equals("skopeo");
    Path home = dir.resolve(client);
    Skopeo skopeoClient = new Skopeo(tools, home, mirror);
    Podman podmanClient = new Podman(tools, home, mirror);
    Path authFile = skopeo ? skopeoClient.authFile() : podmanClient.authFile();
    List<String> options = new ArrayList<>();
    String reference = mirror.reference("tollgate/hello", "v1");
    switch (setup) {
      case AUTH_FILE_FOR_THE_GATEWAY -> ContainersAuth.write(authFile, gateway.authority(), AGENT, token);
      case AUTH_FILE_FOR_THE_REGISTRY -> ContainersAuth.write(authFile, mirror.registry(), AGENT, token);
      case CREDS_THROUGH_THE_MIRROR -> options.addAll(List.of(skopeo ? "--src-creds" : "--creds", AGENT + ":" + token));
      case CREDS_FROM_THE_GATEWAY -> {
        options.addAll(List.of(skopeo ? "--src-creds" : "--creds", AGENT + ":" + token,
            skopeo ? "--src-tls-verify=false" : "--tls-verify=false"));
        reference = gateway.authority() + "/tollgate/hello:v1";
      }
      case NONE -> { }
    }
    List<String> args = new ArrayList<>(skopeo ? List.of("copy") : List.of("pull", "--signature-policy",
        mirror.policy().toString()));
    args.addAll(options);
    if (skopeo) {
      args.addAll(List.of("docker://" + reference, "oci:" + dir.resolve("pulled") + ":v1"));
      return skopeoClient.run(args);
    }
    args.add(reference);
    return podmanClient.run(args);
  }
}
