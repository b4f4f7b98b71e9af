package dev.tollgate.gateway.agent;

import dev.tollgate.gateway.config.GatewayConfig;
import java.util.Objects;

/**
 * Who sent a request, as its token says: the name that decisions and audit lines carry (never the
 * token), and the profile that decides how its requests are judged.
 */
public record Agent(String name, GatewayConfig.Profile profile) {

  /** The name requests without a token are audited under, when anonymous access is allowed. */
  public static final String ANONYMOUS = "anonymous";

  public Agent {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(profile, "profile");
  }
}
