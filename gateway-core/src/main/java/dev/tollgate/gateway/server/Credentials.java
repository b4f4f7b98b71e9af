package dev.tollgate.gateway.server;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the agent token out of an {@code Authorization} header in each form clients send it:
 * {@code Basic base64(agent:TOKEN)} (pip from an index URL's userinfo, skopeo and podman from
 * {@code --creds} or auth.json) and {@code Bearer TOKEN} (npm's {@code _authToken}). With Basic
 * credentials the password is the token; the user name is the agent's for the reader's sake only
 * (the token alone says who the agent is), and a lone user name is taken as the token.
 */
final class Credentials {

  private Credentials() {}

  /** The token the header carries; empty when the scheme is unknown or the credentials malformed. */
  static Optional<String> token(String authorization) {
    String header = authorization.strip();
    int space = header.indexOf(' ');
    if (space < 0) {
      return Optional.empty();
    }
    String scheme = header.substring(0, space).toLowerCase(Locale.ROOT);
    String value = header.substring(space + 1).strip();
    return switch (scheme) {
      case "bearer" -> nonEmpty(value);
      case "basic" -> basic(value);
      default -> Optional.empty();
    };
  }

  /** Whether the header is Basic credentials with an empty user and password, as a client sends when it has none. */
  static boolean blank(String authorization) {
    String[] schemeAndValue = authorization.strip().split(" +", 2);
    String value = schemeAndValue.length == 1 ? "" : schemeAndValue[1];
    return schemeAndValue[0].equalsIgnoreCase("basic") && List.of("", ":").contains(decode(value).orElse("?"));
  }

  private static Optional<String> basic(String encoded) {
    Optional<String> credentials = decode(encoded);
    if (credentials.isEmpty()) {
      return Optional.empty();
    }
    String decoded = credentials.get();
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      return nonEmpty(decoded);
    }
    String password = decoded.substring(colon + 1);
    return password.isEmpty() ? nonEmpty(decoded.substring(0, colon)) : Optional.of(password);
  }

  private static Optional<String> decode(String encoded) {
    try {
      return Optional.of(new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static Optional<String> nonEmpty(String value) {
    return value.isEmpty() || value.indexOf(' ') >= 0 ? Optional.empty() : Optional.of(value);
  }
}
