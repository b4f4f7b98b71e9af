package dev.tollgate.gateway.sandbox;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Copies bytes both ways between every connection accepted on a listener and a fresh connection to
 * one target: the sandbox's only way to the gateway is a chain of two of these (loopback inside to a
 * Unix socket, Unix socket outside to the gateway's TCP port). Written on the JDK alone, so the
 * sandbox needs no socat and its inside end runs on the same Java that runs Tollgate. It relays
 * opaque bytes; the gateway sees the client's own requests. Blocking threads are fine here: this
 * runs in the sandbox command's process, never on the gateway's event loop.
 */
public final class Relay implements AutoCloseable {

  /** More simultaneous connections than any package client opens; further ones are closed at once. */
  static final int MAX_CONNECTIONS = 256;
  private static final int BUFFER_SIZE = 64 * 1024;

  private final ServerSocketChannel listener;
  private final SocketAddress target;
  private final Set<SocketChannel> open = ConcurrentHashMap.newKeySet();

  private Relay(ServerSocketChannel listener, SocketAddress target) {
    this.listener = listener;
    this.target = target;
  }

  /** Starts accepting on {@code listener} (already bound) and relaying each connection to {@code target}. */
  public static Relay start(ServerSocketChannel listener, SocketAddress target) {
    Relay relay = new Relay(listener, target);
    daemon("tollgate-relay-accept", relay::acceptLoop).start();
    return relay;
  }

  private void acceptLoop() {
    while (listener.isOpen()) {
      SocketChannel client;
      try {
        client = listener.accept();
      } catch (IOException closed) {
        return;
      }
      if (open.size() >= 2 * MAX_CONNECTIONS) {
        closeQuietly(client);
        continue;
      }
      SocketChannel upstream;
      try {
        upstream = SocketChannel.open(target);
      } catch (IOException unreachable) {
        closeQuietly(client);
        continue;
      }
      open.add(client);
      open.add(upstream);
      if (!listener.isOpen()) {
        close();
        return;
      }
      AtomicInteger directions = new AtomicInteger(2);
      daemon("tollgate-relay-out", () -> copy(client, upstream, directions)).start();
      daemon("tollgate-relay-in", () -> copy(upstream, client, directions)).start();
    }
  }

  /** Copies until end of stream, then half-closes {@code to}; the last direction to finish closes both. */
  private void copy(SocketChannel from, SocketChannel to, AtomicInteger directions) {
    ByteBuffer buffer = ByteBuffer.allocate(BUFFER_SIZE);
    try {
      while (from.read(buffer) >= 0) {
        buffer.flip();
        while (buffer.hasRemaining()) {
          to.write(buffer);
        }
        buffer.clear();
      }
      to.shutdownOutput();
    } catch (IOException broken) {
      directions.set(1);
    }
    if (directions.decrementAndGet() <= 0) {
      closeQuietly(from);
      closeQuietly(to);
      open.remove(from);
      open.remove(to);
    }
  }

  /** Stops accepting and cuts every relayed connection. */
  @Override
  public void close() {
    closeQuietly(listener);
    open.forEach(Relay::closeQuietly);
    open.clear();
  }

  private static Thread daemon(String name, Runnable body) {
    Thread thread = new Thread(body, name);
    thread.setDaemon(true);
    return thread;
  }

  private static void closeQuietly(java.nio.channels.Channel channel) {
    try {
      channel.close();
    } catch (IOException ignored) {
      // Closing is all that is left to do with it.
    }
  }
}
