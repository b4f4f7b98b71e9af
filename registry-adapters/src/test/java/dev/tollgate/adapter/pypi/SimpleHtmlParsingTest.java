package dev.tollgate.adapter.pypi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SimpleHtmlParsingTest {

  private static final String SHA_A =
      "ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb";
  private static final String SHA_B =
      "3e23e8160039594a33894f6564e1b1348bbd7a0088d42c4acb73eeaed59c009d";
  private static final String SHA_M1 =
      "ca0df2c95aa144c1d0ff2ff3c8f967fdc1de9ef0c4120b3726416701b519d619";
  private static final String SHA_M2 =
      "29c1b289e7522195b362e44f54e05470b69ad20540ab60a18a05e5bf6951f13d";

  @Test
  void resolvesRelativeLinksAndReadsHashFragments() throws MalformedIndexException {
    SimpleProjectPage page = Fixtures.page("index-relative-urls.html");

    assertEquals("tg-alpha", page.name());
    assertEquals("1.0", page.apiVersion());
    assertEquals(
        List.of(
            "https://upstream.example.org/files/tg_alpha-1.0.0-py3-none-any.whl",
            "https://upstream.example.org/files/tg-alpha-1.1.0.tar.gz",
            "https://upstream.example.org/packages/tg_alpha-1.1.0-py3-none-any.whl",
            "https://files.example.org/tg_alpha%2B1-2.0.0-py3-none-any.whl"),
        page.files().stream().map(DistributionFile::url).toList());
    DistributionFile wheel = page.files().get(0);
    assertEquals("tg_alpha-1.0.0-py3-none-any.whl", wheel.filename());
    assertEquals(Optional.of(SHA_A), wheel.sha256(), "hex digests are lower-cased");
    assertEquals(Optional.of(">=3.8"), wheel.requiresPython(), "&gt; is unescaped");
    assertEquals(Map.of("md5", "0cc175b9c0f1b6a831c399e269772661"), page.files().get(1).hashes());
    assertEquals(Optional.of("<4,>=3.8"), page.files().get(2).requiresPython());
  }

  @Test
  void fileNameComesFromTheDecodedLinkAndOtherProjectsHaveNoVersion()
      throws MalformedIndexException {
    SimpleProjectPage page = Fixtures.page("index-relative-urls.html");
    DistributionFile foreign = page.files().get(3);

    assertEquals("tg_alpha+1-2.0.0-py3-none-any.whl", foreign.filename());
    assertEquals(Optional.empty(), page.versionOf(foreign));
    assertEquals(Optional.of("1.1.0"), page.versionOf(page.files().get(1)));
  }

  @Test
  void readsYankedFilesWithAndWithoutReason() throws MalformedIndexException {
    SimpleProjectPage page = Fixtures.page("index-with-yanked-file.html");

    assertEquals(
        List.of(
            YankStatus.yanked(""),
            YankStatus.yanked("broken \"install\" <script>"),
            YankStatus.yanked(""),
            YankStatus.NOT_YANKED),
        page.files().stream().map(DistributionFile::yank).toList());
  }

  @Test
  void readsCoreMetadataUnderBothNamesPreferringTheNewOne() throws MalformedIndexException {
    SimpleProjectPage page = Fixtures.page("index-with-core-metadata.html");

    assertEquals("1.1", page.apiVersion());
    assertEquals(
        List.of(
            CoreMetadata.available(Map.of("sha256", SHA_M1)),
            CoreMetadata.available(Map.of("sha256", SHA_M2)),
            CoreMetadata.available(Map.of()),
            CoreMetadata.NONE),
        page.files().stream().map(DistributionFile::coreMetadata).toList());
    assertEquals(
        List.of(Optional.of(false), Optional.of(true), Optional.empty(), Optional.empty()),
        page.files().stream().map(DistributionFile::gpgSig).toList());
  }

  @Test
  void followsBaseHrefAndSkipsLinksThatAreNotFiles() throws MalformedIndexException {
    SimpleProjectPage page = Fixtures.page("index-with-base-href.html");

    assertEquals(
        List.of(
            "https://mirror.example.org/pkgs/tg_alpha-1.0.0-py3-none-any.whl",
            "https://mirror.example.org/pkgs/sub/tg-alpha-1.0.0.zip"),
        page.files().stream().map(DistributionFile::url).toList());
  }

  @Test
  void toleratesSloppyMarkupLikeABrowser() throws MalformedIndexException {
    SimpleProjectPage page = Fixtures.page("index-sloppy-markup.html");

    assertEquals(
        List.of("tg_alpha-1.0.0-py3-none-any.whl", "tg-alpha-1.1.0.tar.gz"),
        page.files().stream().map(DistributionFile::filename).toList(),
        "comments and scripts hold no links; a repeated file name keeps its first link");
    DistributionFile wheel = page.files().get(0);
    assertEquals(Optional.of(SHA_A), wheel.sha256());
    assertEquals(Optional.of(">=3.8"), wheel.requiresPython());
    DistributionFile sdist = page.files().get(1);
    assertEquals(
        "https://upstream.example.org/files/tg%20alpha/tg-alpha-1.1.0.tar.gz?x=1&y=2", sdist.url());
    assertEquals(Optional.of(SHA_B), sdist.sha256());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          index-repository-version-2.html        | API version 2.0 is not supported (major version 1 only)
          index-link-with-bad-hash.html          | hash 'sha256' is not a hexadecimal digest: 'not-hex'
          index-link-with-control-character.html | file 'tg_alpha-1.0.0?-py3-none-any.whl': control character in file name
          """)
  void refusesPagesItCannotReadSafely(String fixture, String message) {
    MalformedIndexException e =
        assertThrows(MalformedIndexException.class, () -> Fixtures.page(fixture));
    assertEquals(message, e.getMessage());
  }

  @Test
  void decodesTheDeclaredCharset() throws MalformedIndexException {
    byte[] latin1 =
        "<a href='/f/tg-alpha-1.0.tar.gz' data-yanked='d\u00e9fectueux'>x</a>"
            .getBytes(StandardCharsets.ISO_8859_1);

    SimpleProjectPage page =
        SimpleApiCodec.parseProjectPage(
            latin1, "text/html; charset=ISO-8859-1", Fixtures.PAGE_URL, Fixtures.PROJECT);

    assertEquals(YankStatus.yanked("d\u00e9fectueux"), page.files().get(0).yank());
  }

  @Test
  void refusesBytesThatAreNotUtf8() {
    byte[] notUtf8 = {'<', 'a', ' ', 'h', 'r', 'e', 'f', '=', 'x', (byte) 0xff, '>'};

    MalformedIndexException e =
        assertThrows(
            MalformedIndexException.class,
            () ->
                SimpleApiCodec.parseProjectPage(
                    notUtf8, "text/html", Fixtures.PAGE_URL, Fixtures.PROJECT));
    assertTrue(e.getMessage().contains("not valid UTF-8"), e.getMessage());
  }
}
