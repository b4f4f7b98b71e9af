package dev.tollgate.adapter.pypi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.tollgate.adapter.pypi.PypiRequest.File;
import dev.tollgate.adapter.pypi.PypiRequest.Metadata;
import dev.tollgate.adapter.pypi.PypiRequest.NotFound;
import dev.tollgate.adapter.pypi.PypiRequest.ProjectPage;
import dev.tollgate.adapter.pypi.PypiRequest.Redirect;
import dev.tollgate.adapter.pypi.PypiRequest.Rejected;
import dev.tollgate.adapter.pypi.PypiRequest.RootIndex;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class PypiPathsTest {

  static Stream<Arguments> routes() {
    String wheel = "tg_alpha-1.0.0-py3-none-any.whl";
    return Stream.of(
        arguments("/simple/", new RootIndex()),
        arguments("/simple", new Redirect("/simple/")),
        arguments("/simple/requests/", new ProjectPage("requests")),
        arguments("/simple/requests", new Redirect("/simple/requests/")),
        arguments("/simple/Foo_Bar.baz/", new Redirect("/simple/foo-bar-baz/")),
        arguments("/simple/Foo_Bar.baz", new Redirect("/simple/foo-bar-baz/")),
        arguments("/simple/%66oo/", new ProjectPage("foo")),
        arguments("/files/tg-alpha/" + wheel, new File("tg-alpha", wheel)),
        arguments("/files/TG_Alpha/" + wheel, new File("tg-alpha", wheel)),
        arguments("/files/tg-alpha/" + wheel + ".metadata", new Metadata("tg-alpha", wheel)),
        arguments(
            "/files/tg-alpha/tg%2Balpha-1.0.tar.gz", new File("tg-alpha", "tg+alpha-1.0.tar.gz")),
        arguments(
            "/files/tg-alpha/%C3%A9t%C3%A9-1.0.tar.gz", new File("tg-alpha", "été-1.0.tar.gz")),
        arguments("/files/tg-alpha/.metadata", new File("tg-alpha", ".metadata")),
        arguments("/", new NotFound("no such PyPI resource")),
        arguments("/json/requests", new NotFound("no such PyPI resource")),
        arguments("/simple/requests/extra", new NotFound("no such PyPI resource")),
        arguments("/files/tg-alpha", new NotFound("no such PyPI resource")),
        arguments("/files/tg-alpha/" + wheel + "/", new NotFound("no such PyPI resource")));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("routes")
  void routesGoodPaths(String path, PypiRequest expected) {
    assertEquals(expected, PypiPaths.parse(path));
  }

  @ParameterizedTest(name = "{0} rejected: {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          simple/                          | path must start with '/'
          ""                               | path must start with '/'
          /simple/../etc/passwd            | '.' or '..' segment in path
          /files/tg-alpha/..               | '.' or '..' segment in path
          /simple/./                       | '.' or '..' segment in path
          /files/tg-alpha/%2e%2e           | '.' or '..' segment in path
          /files/tg-alpha/%2E%2e           | '.' or '..' segment in path
          /files/tg-alpha/%2e              | '.' or '..' segment in path
          /files/tg-alpha/a%2fb.whl        | encoded '/' in path
          /files/tg-alpha/..%2F..%2Fsecret | encoded '/' in path
          /files/tg-alpha/a%5cb.whl        | encoded backslash in path
          /files/tg-alpha/a\\b.whl        | backslash in path
          /files/tg-alpha/a%00.whl         | control character in path
          /files/tg-alpha/a%0d%0a.whl      | control character in path
          /files/tg-alpha/a%7f.whl         | control character in path
          /files/tg-alpha/a%c2%85.whl      | control character in path
          /files/tg-alpha/a%zz.whl         | invalid percent-encoding
          /files/tg-alpha/a%4              | invalid percent-encoding
          /files/tg-alpha/a%               | invalid percent-encoding
          /files/tg-alpha/a%c3%28.whl      | invalid UTF-8 after percent-decoding
          /files/tg-alpha/a%ff.whl         | invalid UTF-8 after percent-decoding
          /files/tg-alpha/é.whl            | non-ASCII character that is not percent-encoded
          /simple//                        | empty path segment
          //simple/                        | empty path segment
          /files//a.whl                    | empty path segment
          /files/tg-alpha/                 | file name is empty
          /simple/-requests/               | project name is not valid: PEP 508 allows ASCII letters and digits, with '.', '_' and '-' only between them
          /simple/re%20quests/             | project name is not valid: PEP 508 allows ASCII letters and digits, with '.', '_' and '-' only between them
          /files/bad name/a.whl            | project name is not valid: PEP 508 allows ASCII letters and digits, with '.', '_' and '-' only between them
          """)
  void rejectsHostilePaths(String path, String reason) {
    assertEquals(new Rejected(reason), PypiPaths.parse(path));
  }

  @Test
  void limitsNameLengths() {
    assertEquals(
        new Rejected("project name longer than 128 characters"),
        PypiPaths.parse("/simple/" + "a".repeat(129) + "/"));
    assertEquals(
        new ProjectPage("a".repeat(128)), PypiPaths.parse("/simple/" + "a".repeat(128) + "/"));
    assertEquals(
        new Rejected("file name longer than 255 characters"),
        PypiPaths.parse("/files/tg-alpha/" + "a".repeat(256)));
    assertEquals(
        new File("tg-alpha", "a".repeat(255)),
        PypiPaths.parse("/files/tg-alpha/" + "a".repeat(255)));
  }

  @ParameterizedTest(name = "file link for ''{0}'' parses back")
  @CsvSource({
    "tg_alpha-1.0.0-py3-none-any.whl",
    "tg alpha+1 #2?.tar.gz",
    "été-1.0.tar.gz",
    "100%-1.0.zip",
  })
  void fileLinksParseBackToTheSameFile(String filename) {
    String path = PypiPaths.filePath("tg-alpha", filename);
    assertEquals(new File("tg-alpha", filename), PypiPaths.parse(path));
    assertEquals(
        new Metadata("tg-alpha", filename), PypiPaths.parse(path + PypiPaths.METADATA_SUFFIX));
  }

  @Test
  void projectPagePathIsCanonical() {
    assertEquals("/simple/foo-bar/", PypiPaths.projectPagePath("foo-bar"));
    assertEquals(new ProjectPage("foo-bar"), PypiPaths.parse(PypiPaths.projectPagePath("foo-bar")));
  }
}
