package dev.tollgate.gateway.server;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.gateway.agent.AgentDirectory;
import dev.tollgate.gateway.agent.TestAgents;
import dev.tollgate.gateway.config.GatewayConfig;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The authentication step of a client connection's pipeline, driven through the real pipeline in
 * an embedded channel: which credentials name which agent, and the 401 each kind of client gets.
 */
class AgentAuthenticationTest {

  private static final String TOKEN = "s3cret-token-for-ci-0001";
  private static final String OTHER = "s3cret-token-for-bot-0002";

  /** Answers with the agent the route was handed and whether it could still see the Authorization header. */
  private static final Route WHO = route("/pypi/");
  private static final Route NPM = new Route() {
    @Override
    public String prefix() {
      return "/npm/";
    }

    @Override
    public void serve(Exchange exchange) {
      exchange.respondText(200, "OK", "agent " + exchange.agent().name(), null);
    }

    @Override
    public ErrorBody errorBody(String message) {
      return new ErrorBody("application/json", ("{\"error\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8));
    }
  };

  private final RecordingAllocator allocator = new RecordingAllocator();
  private EmbeddedChannel channel;

  private static Route route(String prefix) {
    return new Route() {
      @Override
      public String prefix() {
        return prefix;
      }

      @Override
      public void serve(Exchange exchange) {
        exchange.respondText(200, "OK", "agent " + exchange.agent().name() + ", authorization header seen: "
            + !exchange.headers(HttpHeaderNames.AUTHORIZATION).isEmpty(), null);
      }
    };
  }

  private void open(AgentDirectory agents) {
    GatewayConfig.Server limits = new GatewayConfig.Server("127.0.0.1", 0, 4096, 8192, 1024,
        Duration.ofMinutes(1), Duration.ofMillis(100));
    channel = new EmbeddedChannel(new ConnectionInitializer(limits, List.of(HealthRoute.liveness(), WHO, NPM), agents,
        TestAgents.metrics()));
    channel.config().setAllocator(allocator);
  }

  @AfterEach
  void everyBufferIsReleased() {
    allocator.assertAllReleased(channel);
  }

  private RawResponse send(String target, String authorization) {
    String request = "GET " + target + " HTTP/1.1\r\nHost: gateway.test\r\n"
        + (authorization == null ? "" : "Authorization: " + authorization + "\r\n") + "\r\n";
    return RawResponse.exchange(channel, request);
  }

  private static String basic(String userAndPassword) {
    return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      pip: basic auth from the index URL     | BASIC:ci:s3cret-token-for-ci-0001   | 200 | agent ci, authorization header seen: false
      skopeo: --creds with another name      | BASIC:whoever:s3cret-token-for-bot-0002 | 200 | agent bot, authorization header seen: false
      npm: _authToken                        | Bearer s3cret-token-for-ci-0001     | 200 | agent ci, authorization header seen: false
      the token as a lone user name          | BASIC:s3cret-token-for-ci-0001      | 200 | agent ci, authorization header seen: false
      a wrong token                          | Bearer s3cret-token-for-ci-0009     | 401 | the agent token is not valid
      a token as basic user with a wrong password | BASIC:s3cret-token-for-ci-0001:nope | 401 | the agent token is not valid
      no token                               | NONE                                | 401 | this gateway needs an agent token
      skopeo without credentials for the host | BASIC::                            | 401 | this gateway needs an agent token
      empty basic credentials                | BASIC:                              | 401 | this gateway needs an agent token
      an unknown scheme                      | Digest username="ci"                | 401 | carries no agent token Tollgate reads
      malformed basic credentials            | Basic %%%                           | 401 | carries no agent token Tollgate reads
      """)
  void namesTheAgentOrRefusesWith401(String label, String credentials, int status, String expected) {
    open(TestAgents.withTokens(Map.of("ci", TOKEN, "bot", OTHER)));
    String authorization = credentials.equals("NONE") ? null
        : credentials.startsWith("BASIC:") ? basic(credentials.substring(6)) : credentials;

    RawResponse response = send("/pypi/simple/requests/", authorization);

    assertAll(
        () -> assertEquals(status, response.status(), response.statusLine()),
        () -> assertTrue(response.body().contains(expected), response.body()),
        () -> assertEquals(status == 401 ? "Basic realm=\"tollgate\"" : null, response.header("WWW-Authenticate")),
        () -> assertTrue(status != 401 || response.statusLine().contains("http://AGENT:TOKEN@HOST/pypi/simple/"),
            "pip shows the reason phrase, which says how to send the token: " + response.statusLine()),
        () -> assertTrue(!response.body().contains(TOKEN) && !response.statusLine().contains(TOKEN),
            "the answer never repeats a token"));
  }

  @Test
  void npmGetsItsJsonErrorWithoutAChallengeSoItPrintsTheSentence() {
    open(TestAgents.withTokens(Map.of("ci", TOKEN)));

    RawResponse response = send("/npm/left-pad", "Bearer wrong-token-000000000");

    assertAll(
        () -> assertEquals(401, response.status()),
        () -> assertEquals(null, response.header("WWW-Authenticate")),
        () -> assertEquals("application/json", response.header("Content-Type")),
        () -> assertTrue(response.body().startsWith("{\"error\":\"the agent token is not valid; set the agent's token"
            + " in .npmrc: //HOST/npm/:_authToken=TOKEN"), response.body()));
  }

  @Test
  void ociClientsGetABasicChallengeAndAnOciError() {
    open(TestAgents.withTokens(Map.of("ci", TOKEN)));

    RawResponse response = send("/v2/", null);

    assertAll(
        () -> assertEquals(401, response.status()),
        () -> assertEquals("Basic realm=\"tollgate\"", response.header("WWW-Authenticate")),
        () -> assertEquals("application/json", response.header("Content-Type")),
        () -> assertEquals("{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"this gateway needs an agent token;"
            + " log in to the gateway's own HOST:PORT with the agent's token (podman login, or auth.json);"
            + " a registry mirror is never sent --creds\",\"detail\":null}]}\n",
            response.body()));
  }

  @Test
  void anonymousAccessNamesTheAnonymousAgentButAWrongTokenIsStillRefused() {
    open(TestAgents.anonymousOnly());

    assertEquals("agent anonymous, authorization header seen: false", send("/pypi/simple/", null).body().strip());
    assertEquals(401, send("/pypi/simple/", "Bearer not-a-known-token-0000").status());
  }

  @Test
  void healthChecksNeedNoToken() {
    open(TestAgents.withTokens(Map.of("ci", TOKEN)));

    assertEquals(200, send("/healthz", null).status());
  }

  @Test
  void aRefusedRequestLeavesTheConnectionOpenForTheNextOne() {
    open(TestAgents.withTokens(Map.of("ci", TOKEN)));

    assertEquals(401, send("/pypi/simple/", null).status());
    assertEquals(200, send("/pypi/simple/", "Bearer " + TOKEN).status());
    assertTrue(channel.isOpen());
  }
}
