package dev.tollgate.adapter.oci;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an upstream registry's {@code 401} asks for, read from its {@code WWW-Authenticate} header
 * by {@link AuthChallenges}: a bearer token from a token service (Docker Hub, ghcr.io, registries
 * with token auth), or basic credentials.
 */
public sealed interface AuthChallenge {

  /**
   * {@code Bearer realm="<token service URL>",service="...",scope="..."}: fetch a token from {@code
   * realm} and repeat the request with it. {@code scopes} are the challenge's space-separated
   * {@code scope} values, e.g. {@code repository:library/alpine:pull}. The realm is the upstream's
   * choice of URL: fetch it under the upstream's own transport rules (https unless the upstream is
   * configured as http), and never hand it to the client.
   */
  record Bearer(URI realm, Optional<String> service, List<String> scopes) implements AuthChallenge {
    public Bearer {
      Objects.requireNonNull(realm, "realm");
      Objects.requireNonNull(service, "service");
      scopes = List.copyOf(scopes);
    }

    /**
     * The token request for this challenge: {@code realm?service=...&scope=...}, one {@code scope}
     * parameter per scope (the challenge's when {@code scopes} is empty), values percent-encoded.
     */
    public URI tokenUri(List<String> scopes) {
      List<String> parameters = new ArrayList<>();
      service.ifPresent(s -> parameters.add("service=" + encode(s)));
      for (String scope : scopes.isEmpty() ? this.scopes : scopes) {
        parameters.add("scope=" + encode(scope));
      }
      String base = realm.toString();
      if (parameters.isEmpty()) {
        return realm;
      }
      String separator = realm.getRawQuery() == null ? "?" : "&";
      return URI.create(base + separator + String.join("&", parameters));
    }

    private static String encode(String value) {
      return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
  }

  /** {@code Basic realm="..."}: send configured user name and password. */
  record Basic(Optional<String> realm) implements AuthChallenge {
    public Basic {
      Objects.requireNonNull(realm, "realm");
    }
  }

  /** The scope a token needs to pull from {@code repository}: {@code repository:<name>:pull}. */
  static String pullScope(String repository) {
    return "repository:" + repository + ":pull";
  }
}
