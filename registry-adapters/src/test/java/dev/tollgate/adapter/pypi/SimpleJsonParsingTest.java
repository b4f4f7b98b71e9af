package dev.tollgate.adapter.pypi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SimpleJsonParsingTest {

  private static final String SHA_A =
      "ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb";
  private static final String SHA_M1 =
      "ca0df2c95aa144c1d0ff2ff3c8f967fdc1de9ef0c4120b3726416701b519d619";
  private static final String SHA_M2 =
      "29c1b289e7522195b362e44f54e05470b69ad20540ab60a18a05e5bf6951f13d";

  @Test
  void readsEveryFieldOfApiVersion11() throws MalformedIndexException {
    SimpleProjectPage page = Fixtures.page("project-pep691-with-metadata.json");

    assertEquals("1.1", page.apiVersion());
    assertEquals(Optional.of(List.of("1.0.0", "1.1.0", "2.0.0")), page.declaredVersions());
    DistributionFile wheel = page.files().get(0);
    assertEquals("tg_alpha-1.0.0-py3-none-any.whl", wheel.filename());
    assertEquals(
        "https://files.example.org/packages/aa/tg_alpha-1.0.0-py3-none-any.whl", wheel.url());
    assertEquals(Map.of("sha256", SHA_A, "blake2b_256", "abcdef01"), wheel.hashes());
    assertEquals(Optional.of(">=3.8"), wheel.requiresPython());
    assertEquals(CoreMetadata.available(Map.of("sha256", SHA_M1)), wheel.coreMetadata());
    assertEquals(Optional.of(false), wheel.gpgSig());
    assertEquals(YankStatus.NOT_YANKED, wheel.yank());
    assertEquals(OptionalLong.of(10240), wheel.size());
    assertEquals(Optional.of(Instant.parse("2024-03-01T10:20:30.123456Z")), wheel.uploadTime());
  }

  @Test
  void keepsUnknownFileKeysAndDropsNullOnes() throws MalformedIndexException {
    DistributionFile wheel = Fixtures.page("project-pep691-with-metadata.json").files().get(0);

    assertEquals(
        List.of("data-dist-info-metadata", "_mirror-note"),
        List.copyOf(wheel.otherJsonFields().keySet()));
    assertEquals("{\"fetched\":[1,2,3]}", wheel.otherJsonFields().get("_mirror-note").toString());
  }

  @Test
  void readsYankReasonsRelativeUrlsAndBuildTags() throws MalformedIndexException {
    SimpleProjectPage page = Fixtures.page("project-pep691-with-metadata.json");
    DistributionFile sdist = page.files().get(1);
    DistributionFile built = page.files().get(2);

    assertEquals("https://upstream.example.org/packages/bb/tg-alpha-1.1.0.tar.gz", sdist.url());
    assertEquals(YankStatus.yanked("broken \"install\" <script>"), sdist.yank());
    assertEquals(YankStatus.yanked(""), built.yank());
    assertEquals(Optional.empty(), built.requiresPython(), "null counts as absent");
    assertEquals(CoreMetadata.available(Map.of()), built.coreMetadata());
    assertEquals(Optional.of("2.0.0"), page.versionOf(built));
  }

  @Test
  void readsTheMinimalPagesOfPlainPep691Servers() throws MalformedIndexException {
    SimpleProjectPage page = Fixtures.page("project-pep691-minimal.json");

    assertEquals("1.0", page.apiVersion());
    assertEquals(Optional.empty(), page.declaredVersions());
    assertEquals(
        List.of("https://upstream.example.org/files/tg_alpha-1.0.0-py3-none-any.whl"),
        page.files().stream().map(DistributionFile::url).toList());
    assertEquals(OptionalLong.empty(), page.files().get(0).size());
  }

  @Test
  void fallsBackToTheLegacyMetadataKeyOnlyWhenTheNewOneIsMissing() throws MalformedIndexException {
    SimpleProjectPage page = Fixtures.page("project-pep691-dist-info-metadata-only.json");

    assertEquals(
        List.of(CoreMetadata.available(Map.of("sha256", SHA_M2)), CoreMetadata.NONE),
        page.files().stream().map(DistributionFile::coreMetadata).toList());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          project-pep691-size-not-integer.json     | /files/0/size must be a byte count, found VALUE_STRING at line 1
          project-pep691-missing-hashes.json       | /files/0 lacks 'filename', 'url' or 'hashes'
          project-pep691-duplicate-key.json        | invalid JSON: Duplicate field 'filename'
          project-pep691-truncated.json            | invalid JSON: Unexpected end-of-input in VALUE_STRING
          project-pep691-wrong-project.json        | page is for project 'requests', not 'tg-alpha'
          project-pep691-file-name-with-slash.json | file '../tg_alpha-1.0.0-py3-none-any.whl': slash or backslash in file name
          project-pep691-api-version-2.json        | API version 2.0 is not supported (major version 1 only)
          project-pep691-file-url-not-http.json    | /files/0/url is not an http(s) URL
          project-pep691-bad-upload-time.json      | /files/0/upload-time is not an ISO 8601 time: 'yesterday'
          """)
  void refusesPagesItCannotReadSafely(String fixture, String message) {
    MalformedIndexException e =
        assertThrows(MalformedIndexException.class, () -> Fixtures.page(fixture));
    assertEquals(message, e.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          []                                                  | page is not a JSON object
          {"meta": {"api-version": "1.0"}}                    | page has no 'files' list
          {"files": []} {}                                    | content after the JSON object
          {"files": {}}                                       | /files must be a list, found START_OBJECT at line 1
          {"meta": {"api-version": "one"}, "files": []}       | API version 'one' is not Major.Minor
          {"files": [{"filename": "a-1.0.tar.gz", "url": "/a", "hashes": {"sha256": 7}}]} | /files/0/hashes/sha256 must be a string, found VALUE_NUMBER_INT at line 1
          {"files": [{"filename": "a-1.0.tar.gz", "url": "/a", "hashes": {}, "size": -1}]} | /files/0/size must be a byte count, found VALUE_NUMBER_INT at line 1
          {"files": [{"filename": "a-1.0.tar.gz", "url": "/a", "hashes": {}, "yanked": 1}]} | /files/0/yanked must be a boolean or a reason, found VALUE_NUMBER_INT at line 1
          """)
  void refusesMalformedStructure(String json, String message) {
    MalformedIndexException e =
        assertThrows(
            MalformedIndexException.class,
            () ->
                SimpleApiCodec.parseProjectPage(
                    json.getBytes(StandardCharsets.UTF_8),
                    SimpleFormat.JSON_V1,
                    Fixtures.PAGE_URL,
                    Fixtures.PROJECT));
    assertEquals(message, e.getMessage());
  }
}
