package dev.tollgate.gateway.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * Writes a containers-auth.json(5) file the way {@code podman login} leaves it: Basic credentials
 * keyed by a registry's host:port. containers/image looks credentials up by the host it actually
 * sends the request to, so for a mirror the key is the mirror's host:port, not the registry's name.
 */
final class ContainersAuth {

  private ContainersAuth() {}

  /** Writes {@code file} holding {@code user:password} for {@code host} (host:port) alone. */
  static void write(Path file, String host, String user, String password) throws IOException {
    String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    Files.writeString(file, "{\"auths\":{\"" + host + "\":{\"auth\":\"" + basic + "\"}}}\n", StandardCharsets.UTF_8);
  }
}
