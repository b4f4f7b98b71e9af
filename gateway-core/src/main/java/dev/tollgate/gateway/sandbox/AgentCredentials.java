package dev.tollgate.gateway.sandbox;

import java.util.regex.Pattern;

/**
 * Who a sandboxed agent is to the gateway: the profile it runs under and that profile's agent token.
 * The sandbox writes them into every client's configuration (basic auth in pip's and uv's index
 * URL, {@code _authToken} for npm, pnpm and yarn, an auth file for skopeo and podman), so the
 * gateway applies the profile's rules to the agent's requests. Both parts are checked here because
 * they end up inside URLs, INI-style and YAML files: no spaces, no control characters.
 */
public record AgentCredentials(String profile, String token) {

  private static final Pattern PROFILE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final Pattern TOKEN = Pattern.compile("[\\x21-\\x7e]{1,4096}");

  public AgentCredentials {
    if (!PROFILE.matcher(profile).matches()) {
      throw new IllegalArgumentException("profile name '" + profile
          + "' must be letters, digits, '.', '_' or '-' (at most 64)");
    }
    if (!TOKEN.matcher(token).matches()) {
      throw new IllegalArgumentException("the agent token of profile '" + profile
          + "' must be one line of printable ASCII without spaces");
    }
  }

  /** Never the token: these records end up in error messages. */
  @Override
  public String toString() {
    return "AgentCredentials[profile=" + profile + ", token=(hidden)]";
  }
}
