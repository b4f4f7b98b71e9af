package dev.tollgate.adapter.npm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.tollgate.adapter.npm.NpmRequest.Packument;
import dev.tollgate.adapter.npm.NpmRequest.Ping;
import dev.tollgate.adapter.npm.NpmRequest.Rejected;
import dev.tollgate.adapter.npm.NpmRequest.Tarball;
import dev.tollgate.adapter.npm.NpmRequest.Unsupported;
import dev.tollgate.adapter.npm.NpmRequest.VersionDocument;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class NpmPathsTest {

  /** The paths npm 11, pnpm 12, yarn 1 and yarn 4 were seen sending, and their neighbours. */
  static Stream<Arguments> clientPaths() {
    return Stream.of(
        arguments("/tg-left-pad", new Packument("tg-left-pad")),
        arguments("/@acme%2fbar", new Packument("@acme/bar")),
        arguments("/@acme%2Fbar", new Packument("@acme/bar")),
        arguments("/@acme/bar", new Packument("@acme/bar")),
        arguments("/%40acme%2fbar", new Packument("@acme/bar")),
        arguments("/pnpm", new Packument("pnpm")),
        arguments("/JSONStream", new Packument("JSONStream")),
        arguments("/tg-left-pad/latest", new VersionDocument("tg-left-pad", "latest")),
        arguments("/@acme%2Fbar/latest", new VersionDocument("@acme/bar", "latest")),
        arguments("/@acme/bar/1.0.0", new VersionDocument("@acme/bar", "1.0.0")),
        arguments(
            "/tg-left-pad/1.0.0-beta.1+build.5",
            new VersionDocument("tg-left-pad", "1.0.0-beta.1+build.5")),
        arguments(
            "/tg-left-pad/-/tg-left-pad-1.1.0.tgz",
            new Tarball("tg-left-pad", "tg-left-pad-1.1.0.tgz", "1.1.0")),
        arguments("/@acme/foo/-/foo-1.0.0.tgz", new Tarball("@acme/foo", "foo-1.0.0.tgz", "1.0.0")),
        arguments(
            "/@acme%2ffoo/-/foo-1.0.0.tgz", new Tarball("@acme/foo", "foo-1.0.0.tgz", "1.0.0")),
        arguments(
            "/@acme%2Ffoo/-/foo-1.0.0.tgz", new Tarball("@acme/foo", "foo-1.0.0.tgz", "1.0.0")),
        arguments(
            "/foo-bar/-/foo-bar-2.0.0-rc.1.tgz",
            new Tarball("foo-bar", "foo-bar-2.0.0-rc.1.tgz", "2.0.0-rc.1")),
        arguments(
            "/foo/-/foo-1.0.0%2Bbuild.7.tgz",
            new Tarball("foo", "foo-1.0.0+build.7.tgz", "1.0.0+build.7")),
        arguments("/-/ping", new Ping()));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("clientPaths")
  void routesTheFormsClientsSend(String path, NpmRequest expected) {
    assertEquals(expected, NpmPaths.parse(path));
  }

  @ParameterizedTest(name = "{0} is not served")
  @ValueSource(
      strings = {
        "/-/v1/search",
        "/-/npm/v1/security/advisories/bulk",
        "/-/npm/v1/security/audits/quick",
        "/-/whoami",
        "/-/v1/login",
        "/-/user/org.couchdb.user:tgtest",
        "/-/package/tg-left-pad/dist-tags",
        "/-/ping/extra",
      })
  void answersOtherEndpointsAsUnsupported(String path) {
    assertEquals(
        new Unsupported(
            "npm endpoint "
                + path
                + " is not served by this gateway; it serves package metadata and tarballs only"),
        NpmPaths.parse(path));
  }

  @Test
  void answersTheRootAsUnsupported() {
    assertEquals(
        new Unsupported("the registry root is not served; ask for a package by name"),
        NpmPaths.parse("/"));
  }

  @ParameterizedTest(name = "{0} rejected: {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          tg-left-pad                     | path must start with '/'
          ""                              | path must start with '/'
          /tg-left-pad/../etc/passwd      | '.' or '..' segment in path
          /%2e%2e/etc                     | '.' or '..' segment in path
          /foo/-/%2E                      | '.' or '..' segment in path
          /foo%2fbar                      | encoded '/' outside a scoped package name
          /foo/-/..%2f..%2fsecret.tgz     | encoded '/' outside a scoped package name
          /@acme/foo%2F1.0.0              | encoded '/' outside a scoped package name
          /-%2fping                       | encoded '/' outside a scoped package name
          /foo%5cbar                      | encoded backslash in path
          /@acme%5Cfoo                    | encoded backslash in path
          /foo\\bar                      | backslash in path
          /foo%00                         | control character in path
          /foo%0d%0a                      | control character in path
          /foo%7f                         | control character in path
          /foo%c2%85                      | control character in path
          /foo%zz                         | invalid percent-encoding
          /foo%4                          | invalid percent-encoding
          /foo%                           | invalid percent-encoding
          /foo%%30%30                     | invalid percent-encoding
          /foo%c3%28                      | invalid UTF-8 after percent-decoding
          /foo%ff                         | invalid UTF-8 after percent-decoding
          /fooé                           | non-ASCII character that is not percent-encoded
          //foo                           | empty path segment
          /foo/                           | empty path segment
          /@acme//foo                     | empty path segment
          /foo%20bar                      | package name may contain only ASCII letters, digits, '-', '.' and '_'
          /foo~bar                        | package name may contain only ASCII letters, digits, '-', '.' and '_'
          /crazy!                         | package name may contain only ASCII letters, digits, '-', '.' and '_'
          /%C3%A9t%C3%A9                  | package name may contain only ASCII letters, digits, '-', '.' and '_'
          /@ac%3Ame/foo                   | package name may contain only ASCII letters, digits, '-', '.' and '_'
          /.hidden                        | package name may not start with '.' or '_'
          /_private                       | package name may not start with '.' or '_'
          /@acme%2f..                     | package name may not start with '.' or '_'
          /@acme/.foo                     | package name may not start with '.' or '_'
          /@_acme/foo                     | package name may not start with '.' or '_'
          /node_modules                   | package name is reserved by npm
          /Favicon.ico                    | package name is reserved by npm
          /@acme                          | scoped package name must look like @scope/name
          /@acme%2f                       | scoped package name must look like @scope/name
          /@acme%2ffoo%2fbar              | scoped package name must look like @scope/name
          /@/foo                          | scoped package name must look like @scope/name
          /foo/-                          | tarball path lacks a file name
          /foo/-/foo-1.0.0.tar.gz         | tarball file name must end in .tgz
          /foo/-/bar-1.0.0.tgz            | tarball file name does not belong to the package: expected foo-<version>.tgz
          /foo/-/foo-bar-1.0.0.tgz        | tarball file name does not belong to the package: expected foo-<version>.tgz
          /foo/-/foo-.tgz                 | tarball file name does not belong to the package: expected foo-<version>.tgz
          /foo/-/foo-01.0.0.tgz           | tarball file name does not belong to the package: expected foo-<version>.tgz
          /foo/-/foo-v1.0.0.tgz           | tarball file name does not belong to the package: expected foo-<version>.tgz
          /@acme/foo/-/bar-1.0.0.tgz      | tarball file name does not belong to the package: expected foo-<version>.tgz
          /@acme/foo/-/acme-foo-1.0.0.tgz | tarball file name does not belong to the package: expected foo-<version>.tgz
          /@acme/foo/-/@acme/foo-1.0.0.tgz | not an npm registry path: expected /<name>, /<name>/<version> or /<name>/-/<file>.tgz
          /foo/1.0.0/extra                | not an npm registry path: expected /<name>, /<name>/<version> or /<name>/-/<file>.tgz
          /foo/%5E1.0.0                   | version or tag may contain only ASCII letters, digits, '.', '_', '+' and '-'
          /foo/1.0.0%20                   | version or tag may contain only ASCII letters, digits, '.', '_', '+' and '-'
          """)
  void rejectsHostileAndMalformedPaths(String path, String reason) {
    assertEquals(new Rejected(reason), NpmPaths.parse(path));
  }

  @Test
  void limitsLengths() {
    String longest = "a".repeat(NpmNames.MAX_LENGTH);
    assertEquals(new Packument(longest), NpmPaths.parse("/" + longest));
    assertEquals(
        new Rejected("package name longer than 214 characters"),
        NpmPaths.parse("/" + longest + "a"));
    assertEquals(
        new Rejected("package name longer than 214 characters"),
        NpmPaths.parse("/@acme/" + "a".repeat(NpmNames.MAX_LENGTH - 5)));
    assertEquals(
        new VersionDocument("foo", "t".repeat(256)), NpmPaths.parse("/foo/" + "t".repeat(256)));
    assertEquals(
        new Rejected("version or tag longer than 256 characters"),
        NpmPaths.parse("/foo/" + "t".repeat(257)));
    assertEquals(
        new Rejected("path longer than 2048 characters"),
        NpmPaths.parse("/foo/" + "%61".repeat(700)));
  }

  @ParameterizedTest(name = "tarball path of {0}@{1} parses back")
  @CsvSource({
    "tg-left-pad, 1.1.0, /tg-left-pad/-/tg-left-pad-1.1.0.tgz",
    "@acme/foo, 1.0.0, /@acme/foo/-/foo-1.0.0.tgz",
    "JSONStream, 1.3.5, /JSONStream/-/JSONStream-1.3.5.tgz",
    "foo.js, 2.0.0-beta.1+exp.sha.5114f85, /foo.js/-/foo.js-2.0.0-beta.1+exp.sha.5114f85.tgz",
  })
  void tarballPathsParseBackToTheSameVersion(String name, String version, String path) {
    assertEquals(path, NpmPaths.tarballPath(name, version));
    NpmRequest parsed = NpmPaths.parse(path);
    assertEquals(new Tarball(name, path.substring(path.lastIndexOf('/') + 1), version), parsed);
  }

  @Test
  void buildsNoTarballPathForWhatCouldNotBeServed() {
    assertThrows(IllegalArgumentException.class, () -> NpmPaths.tarballPath("../x", "1.0.0"));
    assertThrows(IllegalArgumentException.class, () -> NpmPaths.tarballPath("foo", "1.0"));
  }
}
