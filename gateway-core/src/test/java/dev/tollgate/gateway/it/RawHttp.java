package dev.tollgate.gateway.it;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 GET over a plain socket, with the request target sent byte for byte. The JDK's
 * clients refuse malformed targets (control characters) and hide the reason phrase, and those
 * are exactly what some tests send and read: pip shows users the reason phrase of a refusal.
 */
final class RawHttp {

  private static final int TIMEOUT_MILLIS = 10_000;

  /** A response: status line parts, headers (lower-cased names) and the body as text. */
  record Response(int status, String reason, Map<String, String> headers, String body) {

    /** Status line, headers and body, for assertion messages. */
    String describe() {
      return status + " " + reason + "\n" + headers + "\n" + body;
    }
  }

  private RawHttp() {}

  /** Sends {@code GET target} (Latin-1 bytes, unescaped) to the loopback {@code port} and reads the answer. */
  static Response get(int port, String target) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(TIMEOUT_MILLIS);
      OutputStream out = socket.getOutputStream();
      out.write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAccept: */*\r\n"
          + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = new BufferedInputStream(socket.getInputStream());
      String statusLine = readLine(in);
      String[] parts = statusLine.split(" ", 3);
      if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
        throw new IOException("not an HTTP status line: '" + statusLine + "'");
      }
      Map<String, String> headers = new LinkedHashMap<>();
      for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
        int colon = line.indexOf(':');
        headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
      }
      return new Response(Integer.parseInt(parts[1]), parts.length > 2 ? parts[2] : "", headers, body(in, headers));
    }
  }

  private static String body(InputStream in, Map<String, String> headers) throws IOException {
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      for (int size = chunkSize(in); size > 0; size = chunkSize(in)) {
        body.write(in.readNBytes(size));
        readLine(in);
      }
      return body.toString(StandardCharsets.UTF_8);
    }
    String length = headers.get("content-length");
    byte[] bytes = length != null ? in.readNBytes(Integer.parseInt(length)) : in.readAllBytes();
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static int chunkSize(InputStream in) throws IOException {
    String line = readLine(in);
    int extension = line.indexOf(';');
    return Integer.parseInt((extension < 0 ? line : line.substring(0, extension)).trim(), 16);
  }

  /** One CRLF-terminated line, without the terminator; fails at end of stream. */
  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new IOException("connection closed in the middle of a line: '" + line + "'");
      }
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.UTF_8);
  }
}
