package dev.tollgate.adapter.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.tollgate.adapter.oci.OciRequest.Blob;
import dev.tollgate.adapter.oci.OciRequest.Manifest;
import dev.tollgate.adapter.oci.OciRequest.NoUpstream;
import dev.tollgate.adapter.oci.OciRequest.Ping;
import dev.tollgate.adapter.oci.OciRequest.Referrers;
import dev.tollgate.adapter.oci.OciRequest.Rejected;
import dev.tollgate.adapter.oci.OciRequest.RepositoryRequest;
import dev.tollgate.adapter.oci.OciRequest.TagList;
import dev.tollgate.adapter.oci.OciRequest.Unsupported;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class OciPathsTest {

  static final String HEX = "a".repeat(64);
  static final Digest DIGEST = Digest.parse("sha256:" + HEX);

  /** Docker Hub (default, prefix "dockerhub"), ghcr.io (prefix "ghcr"), a local registry. */
  static final UpstreamRouting ROUTING =
      new UpstreamRouting(
          List.of(
              new OciUpstream("docker.io", List.of("index.docker.io", "registry-1.docker.io"),
                  Optional.of("dockerhub"), true),
              new OciUpstream("ghcr.io", List.of(), Optional.of("ghcr"), false),
              new OciUpstream("127.0.0.1:5001", List.of(), Optional.of("local/test"), false)),
          Optional.of("docker.io"));

  static final UpstreamRouting NO_DEFAULT =
      new UpstreamRouting(
          List.of(new OciUpstream("ghcr.io", List.of(), Optional.of("ghcr"), false)), Optional.empty());

  /** Writes out {@code <a64>}: 64 times 'a' (annotation values cannot call {@code repeat}). */
  static String expand(String text) {
    return java.util.regex.Pattern.compile("<(\\w)(\\d+)>").matcher(text)
        .replaceAll(m -> m.group(1).repeat(Integer.parseInt(m.group(2))));
  }

  static RoutedRepository routed(String upstream, String repository, String asked) {
    return new RoutedRepository(upstream, repository, asked);
  }

  /** What skopeo, podman and containerd send to a mirror, and the upstream each one lands on. */
  static Stream<Arguments> readRequests() {
    RoutedRepository alpine = routed("docker.io", "library/alpine", "alpine");
    return Stream.of(
        arguments("/v2/alpine/manifests/3.20", new Manifest(alpine, new Tag("3.20"))),
        arguments("/v2/library/alpine/manifests/latest",
            new Manifest(routed("docker.io", "library/alpine", "library/alpine"), new Tag("latest"))),
        arguments("/v2/alpine/manifests/sha256:" + HEX, new Manifest(alpine, DIGEST)),
        arguments("/v2/alpine/manifests/sha256%3A" + HEX, new Manifest(alpine, DIGEST)),
        arguments("/v2/alpine/blobs/sha256:" + HEX, new Blob(alpine, DIGEST)),
        arguments("/v2/alpine/tags/list", new TagList(alpine, OptionalInt.empty(), Optional.empty())),
        arguments("/v2/alpine/tags/list?n=50&last=3.19",
            new TagList(alpine, OptionalInt.of(50), Optional.of(new Tag("3.19")))),
        arguments("/v2/alpine/referrers/sha256:" + HEX, new Referrers(alpine, DIGEST, Optional.empty())),
        arguments("/v2/alpine/referrers/sha256:" + HEX + "?artifactType=application%2Fvnd.dev.sigstore.bundle.v0.3%2Bjson",
            new Referrers(alpine, DIGEST, Optional.of("application/vnd.dev.sigstore.bundle.v0.3+json"))),
        // containerd: ns names the registry, the path is the upstream's own repository name
        arguments("/v2/library/alpine/manifests/3.20?ns=docker.io",
            new Manifest(routed("docker.io", "library/alpine", "library/alpine"), new Tag("3.20"))),
        arguments("/v2/owner/app/manifests/v1?ns=ghcr.io",
            new Manifest(routed("ghcr.io", "owner/app", "owner/app"), new Tag("v1"))),
        arguments("/v2/owner/app/manifests/v1?ns=GHCR.IO",
            new Manifest(routed("ghcr.io", "owner/app", "owner/app"), new Tag("v1"))),
        arguments("/v2/tollgate/hello/blobs/sha256:" + HEX + "?ns=127.0.0.1:5001",
            new Blob(routed("127.0.0.1:5001", "tollgate/hello", "tollgate/hello"), DIGEST)),
        arguments("/v2/alpine/manifests/3.20?ns=registry-1.docker.io", new Manifest(alpine, new Tag("3.20"))),
        // containerd with override_path: ns and the upstream's own prefix
        arguments("/v2/ghcr/owner/app/manifests/v1?ns=ghcr.io",
            new Manifest(routed("ghcr.io", "owner/app", "ghcr/owner/app"), new Tag("v1"))),
        // explicit prefixes
        arguments("/v2/ghcr/owner/app/manifests/v1",
            new Manifest(routed("ghcr.io", "owner/app", "ghcr/owner/app"), new Tag("v1"))),
        arguments("/v2/dockerhub/alpine/manifests/3.20",
            new Manifest(routed("docker.io", "library/alpine", "dockerhub/alpine"), new Tag("3.20"))),
        arguments("/v2/dockerhub/bitnami/redis/manifests/7",
            new Manifest(routed("docker.io", "bitnami/redis", "dockerhub/bitnami/redis"), new Tag("7"))),
        arguments("/v2/local/test/tollgate/hello/manifests/v1",
            new Manifest(routed("127.0.0.1:5001", "tollgate/hello", "local/test/tollgate/hello"), new Tag("v1"))),
        // a prefix alone, or a name that merely starts with its letters, is a Docker Hub name
        arguments("/v2/ghcr/manifests/v1", new Manifest(routed("docker.io", "library/ghcr", "ghcr"), new Tag("v1"))),
        arguments("/v2/ghcrx/app/manifests/v1",
            new Manifest(routed("docker.io", "ghcrx/app", "ghcrx/app"), new Tag("v1"))),
        // endpoint words inside a repository name
        arguments("/v2/acme/blobs/manifests/latest",
            new Manifest(routed("docker.io", "acme/blobs", "acme/blobs"), new Tag("latest"))),
        arguments("/v2/acme/manifests/tags/list",
            new TagList(routed("docker.io", "acme/manifests", "acme/manifests"), OptionalInt.empty(), Optional.empty())),
        // parameters of other endpoints are not this one's business
        arguments("/v2/alpine/manifests/3.20?n=abc&foo", new Manifest(alpine, new Tag("3.20"))),
        arguments("/v2/a0.b_c__d---e/manifests/T_1.x-y",
            new Manifest(routed("docker.io", "library/a0.b_c__d---e", "a0.b_c__d---e"), new Tag("T_1.x-y"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("readRequests")
  void parsesAndRoutesReadRequests(String uri, OciRequest expected) {
    assertEquals(expected, OciPaths.parse(uri, ROUTING));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "/v2/alpine/manifests/3.20, /v2/library/alpine/manifests/3.20",
    "/v2/ghcr/o/a/blobs/sha256:<b64>, /v2/o/a/blobs/sha256:<b64>",
    "/v2/alpine/tags/list?last=x&n=2, /v2/library/alpine/tags/list?n=2&last=x",
    "/v2/alpine/tags/list?n=0, /v2/library/alpine/tags/list?n=0",
    "/v2/alpine/referrers/sha256:<b64>?artifactType=application/a%2Bjson,"
        + " /v2/library/alpine/referrers/sha256:<b64>?artifactType=application/a%2Bjson",
  })
  void namesTheUpstreamPath(String uri, String upstreamPath) {
    RepositoryRequest request =
        assertInstanceOf(RepositoryRequest.class, OciPaths.parse(expand(uri), ROUTING));
    assertEquals(expand(upstreamPath), request.upstreamPath());
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "/v2/alpine/manifests/3.20, docker.io/library/alpine:3.20",
    "/v2/ghcr/o/a/manifests/sha256:<a64>, ghcr.io/o/a@sha256:<a64>",
    "/v2/alpine/blobs/sha256:<a64>, docker.io/library/alpine",
    "/v2/alpine/tags/list, docker.io/library/alpine",
    "/v2/alpine/referrers/sha256:<a64>, docker.io/library/alpine",
  })
  void namesTheImagePolicyDecidesOn(String uri, String image) {
    RepositoryRequest request =
        assertInstanceOf(RepositoryRequest.class, OciPaths.parse(expand(uri), ROUTING));
    assertEquals(expand(image), request.image().toString());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/v2/", "/v2", "/v2/?ns=docker.io"})
  void answersThePing(String uri) {
    assertEquals(new Ping(), OciPaths.parse(uri, ROUTING));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
    "/v2/alpine/blobs/uploads/",
    "/v2/alpine/blobs/uploads",
    "/v2/alpine/blobs/uploads/0f9b6c1e-uuid?_state=abc",
    "/v2/alpine/blobs/uploads/?mount=sha256:<a64>&from=other",
  })
  void refusesUploadsAsUnsupported(String uri) {
    assertEquals(new Unsupported("pushes are not supported: this gateway serves pulls only"),
        OciPaths.parse(expand(uri), ROUTING));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/v2/_catalog", "/v2/_catalog?n=10", "/v2/alpine/tags", "/v2/alpine/tags/all",
      "/v2/alpine/layers/x", "/v2/alpine"})
  void answersOtherEndpointsAsUnsupported(String uri) {
    assertInstanceOf(Unsupported.class, OciPaths.parse(uri, ROUTING));
  }

  @ParameterizedTest(name = "{0}: {1} {2}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
    "/v2/Alpine/manifests/latest | NAME_INVALID | invalid repository name 'Alpine'",
    "/v2/../etc/manifests/latest | NAME_INVALID | '.' or '..' segment in path",
    "/v2/library/%2e%2e/manifests/latest | NAME_INVALID | '.' or '..' segment in path",
    "/v2/library%2Falpine/manifests/latest | NAME_INVALID | percent-encoded '/' in path",
    "/v2/library%2falpine/blobs/sha256:<a64> | NAME_INVALID | percent-encoded '/' in path",
    "/v2/library//alpine/manifests/latest | NAME_INVALID | empty path segment",
    "/v2/alpine/manifests/latest/ | NAME_INVALID | empty path segment",
    "/v2/al%ZZpine/manifests/latest | NAME_INVALID | invalid percent-encoding",
    "/v2/al%pine/manifests/latest | NAME_INVALID | invalid percent-encoding",
    "/v2/alp%C3%A9ine/manifests/latest | NAME_INVALID | non-printable or non-ASCII character",
    "/v2/alpine%00/manifests/latest | NAME_INVALID | non-printable or non-ASCII character",
    "/v2/alpine%ff/manifests/latest | NAME_INVALID | invalid UTF-8 after percent-decoding",
    "/v2/alp\u00e9ine/manifests/latest | NAME_INVALID | non-ASCII character that is not percent-encoded",
    "/v2/alpine%5c..%5c/manifests/latest | NAME_INVALID | backslash in path",
    "/v2/a..b/manifests/latest | NAME_INVALID | invalid repository name 'a..b'",
    "/v2/-alpine/manifests/latest | NAME_INVALID | invalid repository name '-alpine'",
    "/v2/alpine_/manifests/latest | NAME_INVALID | invalid repository name 'alpine_'",
    "/v2/a___b/manifests/latest | NAME_INVALID | invalid repository name 'a___b'",
    "/v2/alpine/manifests/.latest | NAME_INVALID | manifest reference: tag may contain only",
    "/v2/alpine/manifests/-x | NAME_INVALID | manifest reference: tag may contain only",
    "/v2/alpine/manifests/la%20test | NAME_INVALID | non-printable or non-ASCII character",
    "/v2/alpine/manifests/sha256:abc | DIGEST_INVALID | manifest reference: sha256 digest must have 64 hex digits",
    "/v2/alpine/manifests/md5:<a32> | DIGEST_INVALID | manifest reference: digest algorithm must be sha256 or sha512",
    "/v2/alpine/blobs/sha256:<A64> | DIGEST_INVALID | blob: digest may contain only lower-case hex digits",
    "/v2/alpine/blobs/sha512:<a64> | DIGEST_INVALID | blob: sha512 digest must have 128 hex digits",
    "/v2/alpine/blobs/latest | DIGEST_INVALID | blob: digest must look like sha256:<64 hex digits>",
    "/v2/alpine/referrers/latest | DIGEST_INVALID | referrers subject: digest must look like",
    "/v2/alpine/referrers/sha256:<a64>?artifactType=x | UNSUPPORTED | artifactType must be a media type",
    "/v2/alpine/tags/list?n=-1 | UNSUPPORTED | n must be a whole number",
    "/v2/alpine/tags/list?n=1e3 | UNSUPPORTED | n must be a whole number",
    "/v2/alpine/tags/list?n=9999999999 | UNSUPPORTED | n must be a whole number",
    "/v2/alpine/tags/list?last=../x | UNSUPPORTED | last: tag may contain only",
    "/v2/alpine/tags/list?n=1&n=2 | UNSUPPORTED | query: query parameter 'n' given more than once",
    "/v2/alpine/manifests/latest?ns=evil.example/../x | UNSUPPORTED | ns must be a registry host[:port]",
    "/v2/alpine/manifests/latest?ns=%ZZ | UNSUPPORTED | query: invalid percent-encoding",
    "/v1/alpine/manifests/latest | NAME_INVALID | OCI paths start with /v2/",
  })
  void rejectsHostileAndMalformedInput(String uri, OciErrorCode code, String reasonStart) {
    Rejected rejected = assertInstanceOf(Rejected.class, OciPaths.parse(expand(uri), ROUTING));
    assertEquals(code, rejected.code());
    assertEquals(reasonStart, rejected.reason().substring(0, Math.min(reasonStart.length(), rejected.reason().length())));
  }

  @Test
  void rejectsOverLongNamesAndUris() {
    String longName = "a/".repeat(128) + "a";
    Rejected name = assertInstanceOf(Rejected.class, OciPaths.parse("/v2/" + longName + "/manifests/x", ROUTING));
    assertEquals("repository name longer than 255 characters", name.reason());
    Rejected uri = assertInstanceOf(Rejected.class, OciPaths.parse("/v2/" + "a".repeat(3000) + "/manifests/x", ROUTING));
    assertEquals("request URI longer than 2048 characters", uri.reason());
    String longTag = "t".repeat(129);
    Rejected tag = assertInstanceOf(Rejected.class, OciPaths.parse("/v2/a/manifests/" + longTag, ROUTING));
    assertEquals("manifest reference: tag longer than 128 characters", tag.reason());
  }

  @Test
  void refusesRegistriesItDoesNotMirror() {
    assertEquals(new NoUpstream("registry 'quay.io' is not mirrored by this gateway"),
        OciPaths.parse("/v2/coreos/etcd/manifests/v3?ns=quay.io", ROUTING));
    assertEquals(new NoUpstream("no upstream registry is configured for 'library/alpine': start the name"
            + " with an upstream's path prefix, or configure a default upstream"),
        OciPaths.parse("/v2/library/alpine/manifests/3.20", NO_DEFAULT));
  }

  @Test
  void takesTheLongestPrefix() {
    UpstreamRouting nested = new UpstreamRouting(List.of(
        new OciUpstream("a.example", List.of(), Optional.of("mirror"), false),
        new OciUpstream("b.example", List.of(), Optional.of("mirror/b"), false)), Optional.empty());
    assertEquals(new Manifest(routed("b.example", "x", "mirror/b/x"), new Tag("1")),
        OciPaths.parse("/v2/mirror/b/x/manifests/1", nested));
    assertEquals(new Manifest(routed("a.example", "c/x", "mirror/c/x"), new Tag("1")),
        OciPaths.parse("/v2/mirror/c/x/manifests/1", nested));
  }
}
