package dev.tollgate.gateway.oci;

import dev.tollgate.adapter.oci.AuthChallenge;
import dev.tollgate.adapter.oci.AuthChallenges;
import dev.tollgate.adapter.oci.Digest;
import dev.tollgate.adapter.oci.ManifestMediaType;
import dev.tollgate.adapter.oci.ManifestParser;
import dev.tollgate.adapter.oci.RoutedRepository;
import dev.tollgate.adapter.oci.TokenResponse;
import dev.tollgate.gateway.config.OciConfig;
import dev.tollgate.gateway.upstream.UpstreamClient;
import dev.tollgate.gateway.upstream.UpstreamException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One upstream registry as the gateway talks to it: requests go to its base URL, and a {@code 401}
 * challenge is answered the way docker answers it — a bearer token from the challenge's realm
 * (anonymously, or with the configured credentials), cached per scope, then the request once more.
 * The client never sees the challenge, the realm or the token.
 */
final class RegistryUpstream {

  private static final Set<Integer> REDIRECTS = java.util.Set.of(301, 302, 303, 307, 308);
  private static final int MAX_REDIRECTS = 5;

  private final OciConfig.Upstream config;
  private final UpstreamClient http;
  private final TokenCache tokens;
  /** The last bearer challenge seen, so a blob download can fetch its token before it starts. */
  private final AtomicReference<AuthChallenge.Bearer> lastBearer = new AtomicReference<>();

  RegistryUpstream(OciConfig.Upstream config, UpstreamClient http, TokenCache tokens) {
    this.config = config;
    this.http = http;
    this.tokens = tokens;
  }

  OciConfig.Upstream config() {
    return config;
  }

  /** Where {@code path} ({@code /v2/...}, with its query) is on this upstream. */
  URI uri(String path) {
    return config.url().resolve(path.substring(1));
  }

  /** Whether redirects may lead to plain http: only when the upstream itself is plain http. */
  boolean allowsHttp() {
    return "http".equalsIgnoreCase(config.url().getScheme());
  }

  /**
   * GETs (or HEADs) {@code path} for {@code repository} with {@code headers}, answering a token
   * challenge once. A 200's body is read up to {@code maxBytes}; any status is a result.
   */
  CompletableFuture<HttpResponse<byte[]>> fetch(RoutedRepository repository, String path, boolean head,
      Map<String, List<String>> headers, long maxBytes) {
    URI uri = uri(path);
    TokenCache.Key key = tokenKey(repository);
    return http.fetch(uri, head, withToken(headers, tokens.get(key)), maxBytes).thenCompose(response -> {
      if (response.statusCode() != 401) {
        return CompletableFuture.completedFuture(response);
      }
      tokens.invalidate(key);
      return authorizationFor(repository, response.headers().allValues("WWW-Authenticate"))
          .thenCompose(authorization -> authorization.isEmpty()
              ? CompletableFuture.completedFuture(response)
              : http.fetch(uri, head, withAuthorization(headers, authorization.get()), maxBytes));
    });
  }

  /**
   * The referrers index of {@code subject} in {@code repository}: the upstream's referrers API at
   * {@code apiPath} where it answers one, else the distribution spec's fallback — the index kept
   * under the tag {@code sha256-<hex>}. Any status is a result (404: no referrers at all).
   */
  CompletableFuture<HttpResponse<byte[]>> referrers(RoutedRepository repository, String apiPath, Digest subject) {
    Map<String, List<String>> accept = Map.of("Accept", List.of(ManifestMediaType.OCI_INDEX.value()));
    return fetch(repository, apiPath, false, accept, ManifestParser.MAX_SIZE)
        .thenCompose(response -> isIndex(response) ? CompletableFuture.completedFuture(response)
            : fetch(repository, "/v2/" + repository.repository() + "/manifests/" + subject.referrersTag().text(), false,
                accept, ManifestParser.MAX_SIZE));
  }

  /** Whether the upstream answered the referrers API itself (a registry without it says 404 in plain text). */
  private static boolean isIndex(HttpResponse<byte[]> response) {
    return response.statusCode() == 200 && response.headers().firstValue("Content-Type")
        .flatMap(type -> ManifestMediaType.fromValue(type)).filter(ManifestMediaType::isIndex).isPresent();
  }

  /**
   * GETs a small blob (a signature payload or bundle) of {@code repository} into memory, up to
   * {@code maxBytes}, following redirects (to a CDN) the way blob downloads do: https only unless
   * the upstream itself is plain http, and no credentials sent after a redirect.
   */
  CompletableFuture<HttpResponse<byte[]>> fetchBlob(RoutedRepository repository, String path, long maxBytes) {
    return fetch(repository, path, false, Map.of(), maxBytes).thenCompose(response -> followed(response, 0, maxBytes));
  }

  private CompletableFuture<HttpResponse<byte[]>> followed(HttpResponse<byte[]> response, int hops, long maxBytes) {
    Optional<String> location = response.headers().firstValue("Location");
    if (!REDIRECTS.contains(response.statusCode()) || location.isEmpty()) {
      return CompletableFuture.completedFuture(response);
    }
    URI next;
    try {
      next = response.uri().resolve(location.get());
    } catch (IllegalArgumentException e) {
      return CompletableFuture.failedFuture(new UpstreamException(UpstreamException.Kind.BAD_STATUS,
          "redirect without a valid Location from " + response.uri()));
    }
    boolean https = "https".equalsIgnoreCase(next.getScheme());
    if (hops >= MAX_REDIRECTS || !(https || allowsHttp() && "http".equalsIgnoreCase(next.getScheme()))) {
      return CompletableFuture.failedFuture(new UpstreamException(UpstreamException.Kind.REDIRECT_REFUSED,
          "refused to follow a redirect from " + response.uri() + " to " + next));
    }
    return http.fetch(next, false, Map.of(), maxBytes).thenCompose(r -> followed(r, hops + 1, maxBytes));
  }

  /**
   * The headers a blob download from {@code repository} needs: a cached token, else one fetched for
   * the challenge this upstream last made; none for an upstream that never challenged.
   */
  CompletableFuture<Map<String, List<String>>> downloadHeaders(RoutedRepository repository) {
    Optional<String> cached = tokens.get(tokenKey(repository));
    if (cached.isPresent()) {
      return CompletableFuture.completedFuture(withToken(Map.of(), cached));
    }
    AuthChallenge.Bearer bearer = lastBearer.get();
    if (bearer == null) {
      return CompletableFuture.completedFuture(Map.of());
    }
    return token(repository, bearer).thenApply(token -> withToken(Map.of(), Optional.of(token)));
  }

  private CompletableFuture<Optional<String>> authorizationFor(RoutedRepository repository, List<String> challenges) {
    List<AuthChallenge> parsed;
    try {
      parsed = AuthChallenges.parse(challenges);
    } catch (IllegalArgumentException e) {
      return CompletableFuture.failedFuture(new UpstreamException(UpstreamException.Kind.BAD_STATUS,
          config.key() + " sent an unreadable authentication challenge: " + e.getMessage()));
    }
    for (AuthChallenge challenge : parsed) {
      if (challenge instanceof AuthChallenge.Bearer bearer) {
        lastBearer.set(bearer);
        return token(repository, bearer).thenApply(token -> Optional.of("Bearer " + token));
      }
    }
    boolean basic = parsed.stream().anyMatch(c -> c instanceof AuthChallenge.Basic);
    return CompletableFuture.completedFuture(basic ? basicCredentials() : Optional.empty());
  }

  /** A token for pulling from {@code repository}: from the cache, else from the challenge's realm. */
  private CompletableFuture<String> token(RoutedRepository repository, AuthChallenge.Bearer bearer) {
    TokenCache.Key key = tokenKey(repository);
    Optional<String> cached = tokens.get(key);
    if (cached.isPresent()) {
      return CompletableFuture.completedFuture(cached.get());
    }
    URI realm = bearer.realm();
    if (!"https".equalsIgnoreCase(realm.getScheme()) && !allowsHttp()) {
      return CompletableFuture.failedFuture(new UpstreamException(UpstreamException.Kind.REDIRECT_REFUSED,
          config.key() + " names a token service over plain http (" + realm.getHost()
              + "); only an http upstream may use one"));
    }
    URI tokenUri = bearer.tokenUri(List.of(key.scope()));
    Map<String, List<String>> headers = basicCredentials().map(b -> Map.of("Authorization", List.of(b)))
        .orElse(Map.of());
    return http.fetch(tokenUri, false, headers, TokenResponse.MAX_SIZE).thenApply(response -> {
      if (response.statusCode() != 200) {
        throw new CompletionException(new UpstreamException(UpstreamException.Kind.BAD_STATUS,
            "the token service of " + config.key() + " answered " + response.statusCode()
                + (config.credentials().isPresent() ? " for the configured credentials" : " to an anonymous request")));
      }
      TokenResponse token;
      try {
        token = TokenResponse.parse(response.body());
      } catch (IllegalArgumentException e) {
        throw new CompletionException(new UpstreamException(UpstreamException.Kind.BAD_STATUS,
            "the token service of " + config.key() + " sent an unusable answer: " + e.getMessage(), e));
      }
      tokens.put(key, token.token(), token.expiresIn());
      return token.token();
    });
  }

  private Optional<String> basicCredentials() {
    return config.credentials().map(c -> "Basic " + Base64.getEncoder()
        .encodeToString((c.username() + ":" + c.password()).getBytes(StandardCharsets.UTF_8)));
  }

  private TokenCache.Key tokenKey(RoutedRepository repository) {
    return new TokenCache.Key(config.key(), "repository:" + repository.repository() + ":pull");
  }

  private static Map<String, List<String>> withToken(Map<String, List<String>> headers, Optional<String> token) {
    return token.map(t -> withAuthorization(headers, "Bearer " + t)).orElse(headers);
  }

  private static Map<String, List<String>> withAuthorization(Map<String, List<String>> headers, String value) {
    Map<String, List<String>> all = new LinkedHashMap<>();
    headers.forEach((name, values) -> {
      if (!name.toLowerCase(Locale.ROOT).equals("authorization")) {
        all.put(name, values);
      }
    });
    all.put("Authorization", List.of(value));
    return all;
  }
}
