package dev.tollgate.gateway.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One HTTP/1.1 response as the client's bytes show it: status line, headers and body. */
record RawResponse(String statusLine, int status, Map<String, List<String>> headers, String body) {

  /**
   * Sends {@code request} (raw HTTP text) into {@code channel}, runs what it scheduled, and parses
   * every byte it wrote back (releasing each buffer) as one response.
   */
  static RawResponse exchange(EmbeddedChannel channel, String request) {
    channel.writeInbound(Unpooled.copiedBuffer(request, StandardCharsets.ISO_8859_1));
    channel.runPendingTasks();
    ByteArrayOutputStream received = new ByteArrayOutputStream();
    for (ByteBuf part = channel.readOutbound(); part != null; part = channel.readOutbound()) {
      byte[] bytes = new byte[part.readableBytes()];
      part.readBytes(bytes);
      part.release();
      received.writeBytes(bytes);
    }
    return parse(received.toByteArray());
  }

  /** Parses the bytes of exactly one response (a body is taken to be everything after the head). */
  static RawResponse parse(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    int headEnd = text.indexOf("\r\n\r\n");
    if (headEnd < 0) {
      throw new IllegalArgumentException("no complete response head in: " + text);
    }
    String[] lines = text.substring(0, headEnd).split("\r\n");
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
          .add(lines[i].substring(colon + 1).trim());
    }
    int status = Integer.parseInt(lines[0].split(" ", 3)[1]);
    String body = new String(bytes, headEnd + 4, bytes.length - headEnd - 4, StandardCharsets.UTF_8);
    return new RawResponse(lines[0], status, headers, body);
  }

  /** The first value of {@code name}, or {@code null}. */
  String header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null ? null : values.get(0);
  }

  /** Whether the status line holds only printable ASCII, as HTTP requires of a reason phrase. */
  boolean statusLineIsPrintableAscii() {
    return statusLine.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
  }
}
