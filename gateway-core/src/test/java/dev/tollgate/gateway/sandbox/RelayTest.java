package dev.tollgate.gateway.sandbox;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The relay pair the sandbox uses, in miniature: a Unix socket relayed to a TCP server that answers
 * everything it read once the client has finished sending (a request, then the response).
 */
@Timeout(20)
class RelayTest {

  @TempDir
  Path dir;
  private ServerSocket server;
  private Relay relay;
  private UnixDomainSocketAddress socket;

  @BeforeEach
  void startServerAndRelay() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread answering = new Thread(this::answerAll, "answering-server");
    answering.setDaemon(true);
    answering.start();
    socket = UnixDomainSocketAddress.of(dir.resolve("gateway.sock"));
    relay = Relay.start(ServerSocketChannel.open(StandardProtocolFamily.UNIX).bind(socket),
        new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()));
  }

  @AfterEach
  void stop() throws IOException {
    relay.close();
    server.close();
  }

  /** Reads until the client half-closes, then writes it all back and closes. */
  private void answerAll() {
    while (!server.isClosed()) {
      try (Socket client = server.accept()) {
        byte[] request = client.getInputStream().readAllBytes();
        client.getOutputStream().write(request);
      } catch (IOException closed) {
        return;
      }
    }
  }

  @Test
  void bytesGoThroughBothWaysAndTheEndOfARequestIsPassedOn() throws IOException {
    byte[] request = new byte[3 * 1024 * 1024 + 17];
    new Random(6).nextBytes(request);

    for (int connection = 0; connection < 3; connection++) {
      try (SocketChannel client = SocketChannel.open(socket)) {
        Thread writer = new Thread(() -> {
          try {
            ByteBuffer out = ByteBuffer.wrap(request);
            while (out.hasRemaining()) {
              client.write(out);
            }
            client.shutdownOutput();
          } catch (IOException e) {
            throw new IllegalStateException(e);
          }
        });
        writer.start();
        assertArrayEquals(request, readToEnd(client));
      }
    }
  }

  /** Reads what {@code channel} delivers until its end; a reset counts as the end. */
  private static byte[] readToEnd(SocketChannel channel) {
    ByteArrayOutputStream received = new ByteArrayOutputStream();
    ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
    try {
      while (channel.read(buffer) >= 0) {
        received.write(buffer.array(), 0, buffer.position());
        buffer.clear();
      }
    } catch (IOException reset) {
      // The relay cut the connection.
    }
    return received.toByteArray();
  }

  @Test
  void closingTheRelayCutsTheConnectionsItCarries() throws IOException {
    try (SocketChannel client = SocketChannel.open(socket)) {
      client.write(ByteBuffer.wrap(new byte[] {1, 2, 3}));

      relay.close();

      assertEquals(0, readToEnd(client).length);
    }
  }
}
