package dev.tollgate.gateway.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.tollgate.gateway.agent.TestAgents;
import dev.tollgate.gateway.config.GatewayConfig;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The real server on a loopback port, spoken to over a plain socket as a client would. */
class GatewayServerTest {

  private static final GatewayConfig.Server LIMITS = new GatewayConfig.Server(
      "127.0.0.1", 0, 300, 600, 1024, Duration.ofSeconds(30), Duration.ofMillis(100));

  private static GatewayServer server;

  @BeforeAll
  static void start() throws InterruptedException {
    server = GatewayServer.start(LIMITS, List.of(HealthRoute.liveness()), TestAgents.anonymousOnly(), TestAgents.metrics());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** Sends {@code request} and reads until the server closes the connection. */
  private static RawResponse exchange(String request) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5000);
      socket.setSoTimeout(5000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      InputStream in = socket.getInputStream();
      return RawResponse.parse(in.readAllBytes());
    }
  }

  @Test
  void listensOnTheFreePortItWasGiven() {
    assertNotEquals(0, server.port());
  }

  @ParameterizedTest(name = "{0} -> {3}")
  @CsvSource(delimiter = '|', textBlock = """
      health check          | 0    | 0    | 200
      long request line     | 400  | 0    | 414
      large header block    | 0    | 1000 | 431
      """)
  void appliesTheConfiguredLimits(String label, int queryLength, int headerLength, int status) throws IOException {
    String target = queryLength == 0 ? "/healthz" : "/healthz?pad=" + "x".repeat(queryLength);
    String header = headerLength == 0 ? "" : "X-Pad: " + "y".repeat(headerLength) + "\r\n";

    RawResponse response = exchange("GET " + target + " HTTP/1.1\r\nHost: gateway.test\r\n" + header
        + "Connection: close\r\n\r\n");

    assertEquals(status, response.status(), response.statusLine());
  }

  @Test
  void aBodyOverTheConfiguredLimitIsRefused() throws IOException {
    RawResponse response = exchange("GET /healthz HTTP/1.1\r\nHost: gateway.test\r\nContent-Length: 5000\r\n"
        + "Connection: close\r\n\r\n");

    assertEquals(413, response.status(), response.statusLine());
  }
}
