package dev.tollgate.gateway.sandbox;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An image registry whose pulls inside the sandbox go to the gateway as its mirror. Inside the
 * sandbox the registry itself is unreachable, so a pull the gateway refuses fails with the
 * gateway's reason instead of quietly falling back. {@code gatewayPath} is the upstream's
 * {@code pathPrefix} in the gateway when it has one (then the mirror is {@code 127.0.0.1:PORT/PATH}).
 *
 * @param host the registry name images are pulled by, {@code HOST[:PORT]} (e.g. {@code ghcr.io})
 * @param gatewayPath the gateway's path prefix for that registry, if any
 */
public record MirroredRegistry(String host, Optional<String> gatewayPath) {

  private static final Pattern HOST = Pattern.compile(
      "[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*(:[0-9]{1,5})?");
  private static final Pattern PATH = Pattern.compile("[a-z0-9]+([._-][a-z0-9]+)*(/[a-z0-9]+([._-][a-z0-9]+)*)*");

  /** Docker Hub, which short names resolve to: always mirrored unless named with a path of its own. */
  static final MirroredRegistry DOCKER_HUB = new MirroredRegistry("docker.io", Optional.empty());

  public MirroredRegistry {
    if (!HOST.matcher(host).matches()) {
      throw new IllegalArgumentException("'" + host + "' is not a registry name (HOST or HOST:PORT, e.g. ghcr.io)");
    }
    if (gatewayPath.isPresent() && !PATH.matcher(gatewayPath.get()).matches()) {
      throw new IllegalArgumentException("'" + gatewayPath.get() + "' is not a path prefix of the gateway"
          + " (lower-case repository path components, e.g. ghcr)");
    }
  }

  /** Reads {@code HOST[:PORT][=PATH]}, as {@code --registry} and {@code TOLLGATE_SANDBOX_REGISTRIES} take it. */
  public static MirroredRegistry parse(String text) {
    int equals = text.indexOf('=');
    return equals < 0
        ? new MirroredRegistry(text, Optional.empty())
        : new MirroredRegistry(text.substring(0, equals), Optional.of(text.substring(equals + 1)));
  }

  /** The mirror's location in registries.conf: the gateway's authority and the path prefix, if any. */
  String mirrorLocation(String gatewayAuthority) {
    return gatewayAuthority + gatewayPath.map(path -> "/" + path).orElse("");
  }
}
