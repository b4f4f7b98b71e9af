package dev.tollgate.adapter.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.tollgate.adapter.oci.AuthChallenge.Basic;
import dev.tollgate.adapter.oci.AuthChallenge.Bearer;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class AuthChallengesTest {

  static Bearer bearer(String realm, String service, String... scopes) {
    return new Bearer(URI.create(realm), Optional.ofNullable(service), List.of(scopes));
  }

  /** Challenges as Docker Hub, ghcr.io, docker-registry with token or htpasswd auth send them. */
  static Stream<Arguments> headers() {
    return Stream.of(
        arguments("Bearer realm=\"https://auth.docker.io/token\",service=\"registry.docker.io\","
                + "scope=\"repository:library/alpine:pull\"",
            List.of(bearer("https://auth.docker.io/token", "registry.docker.io", "repository:library/alpine:pull"))),
        arguments("Bearer realm=\"https://ghcr.io/token\",service=\"ghcr.io\",scope=\"repository:owner/app:pull\"",
            List.of(bearer("https://ghcr.io/token", "ghcr.io", "repository:owner/app:pull"))),
        arguments("bearer REALM=\"http://127.0.0.1:5005/token\" , Service=tollgate-test-registry",
            List.of(bearer("http://127.0.0.1:5005/token", "tollgate-test-registry"))),
        arguments("Bearer realm=\"https://a.example/t\",scope=\"repository:a:pull repository:b:pull\"",
            List.of(bearer("https://a.example/t", null, "repository:a:pull", "repository:b:pull"))),
        arguments("Basic realm=\"Registry Realm\"", List.of(new Basic(Optional.of("Registry Realm")))),
        arguments("Basic", List.of(new Basic(Optional.empty()))),
        arguments("Basic realm=\"a \\\"quoted\\\" realm\"", List.of(new Basic(Optional.of("a \"quoted\" realm")))),
        arguments("Negotiate, Basic realm=x", List.of(new Basic(Optional.of("x")))),
        arguments("Negotiate abc123==, Basic realm=x", List.of(new Basic(Optional.of("x")))),
        arguments("Basic realm=x, Bearer realm=\"https://a.example/t\"",
            List.of(new Basic(Optional.of("x")), bearer("https://a.example/t", null))),
        arguments("", List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("headers")
  void readsTheChallengesRegistriesSend(String header, List<AuthChallenge> expected) {
    assertEquals(expected, AuthChallenges.parse(header));
  }

  @Test
  void readsEveryHeaderLine() {
    assertEquals(List.of(new Basic(Optional.of("a")), bearer("https://b.example/t", null)),
        AuthChallenges.parse(List.of("Basic realm=a", "Bearer realm=\"https://b.example/t\"")));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
    "Bearer service=\"registry.docker.io\"",
    "Bearer realm=\"file:///etc/passwd\"",
    "Bearer realm=\"ftp://a.example/t\"",
    "Bearer realm=\"/token\"",
    "Bearer realm=\"https://a.example/t#frag\"",
    "Bearer realm=\"https://a.example/t\",realm=\"https://evil.example/t\"",
    "Bearer realm=\"https://a.example/t",
    "Bearer realm=\"https://a.example/\u0001t\"",
    "Bearer realm=@",
    "=realm",
    "Bearer realm=\"ht tp://x\"",
  })
  void refusesMalformedOrDangerousChallenges(String header) {
    assertThrows(IllegalArgumentException.class, () -> AuthChallenges.parse(header));
  }

  @Test
  void buildsTheTokenRequest() {
    Bearer hub = bearer("https://auth.docker.io/token", "registry.docker.io", "repository:library/alpine:pull");
    assertEquals(URI.create("https://auth.docker.io/token?service=registry.docker.io"
            + "&scope=repository%3Alibrary%2Falpine%3Apull"),
        hub.tokenUri(List.of()));
    assertEquals(URI.create("https://auth.docker.io/token?service=registry.docker.io"
            + "&scope=repository%3Aa%3Apull&scope=repository%3Ab%3Apull"),
        hub.tokenUri(List.of(AuthChallenge.pullScope("a"), AuthChallenge.pullScope("b"))));
    assertEquals(URI.create("https://t.example/token?tenant=1&scope=x%20y"),
        bearer("https://t.example/token?tenant=1", null).tokenUri(List.of("x y")));
    assertEquals(URI.create("https://t.example/token"), bearer("https://t.example/token", null).tokenUri(List.of()));
  }
}
