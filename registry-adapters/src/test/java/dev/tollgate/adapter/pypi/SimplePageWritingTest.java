package dev.tollgate.adapter.pypi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SimplePageWritingTest {

  private static final FileLinker VIA_GATEWAY = FileLinker.underMount("/pypi", Fixtures.PROJECT);
  private static final FileLinker UPSTREAM_URL = DistributionFile::url;

  @ParameterizedTest(name = "{1}")
  @CsvSource({
    "HTML, rendered-pep691-filtered.html",
    "JSON, rendered-pep691-filtered.json",
  })
  void writesFilteredPageWithGatewayLinks(SimpleFormat format, String golden)
      throws MalformedIndexException {
    SimpleProjectPage page =
        Fixtures.page("project-pep691-with-metadata.json")
            .filter((file, version) -> !version.equals(Optional.of("1.1.0")));

    assertEquals(Fixtures.text(golden), write(page, format, VIA_GATEWAY));
  }

  @Test
  void writesAnHtmlUpstreamAsJsonVersion10BecauseSizesAreUnknown() throws MalformedIndexException {
    SimpleProjectPage page = Fixtures.page("index-with-yanked-file.html");
    FileLinker absolute = FileLinker.underMount("http://gateway.test:8080/pypi", Fixtures.PROJECT);

    assertEquals(
        Fixtures.text("rendered-yanked-from-html.json"), write(page, SimpleFormat.JSON, absolute));
  }

  @Test
  void filterGivesEachFileItsVersionAndEmptyWhenUnknown() throws MalformedIndexException {
    SimpleProjectPage page = Fixtures.page("index-relative-urls.html");
    List<String> seen = new ArrayList<>();

    SimpleProjectPage kept =
        page.filter(
            (file, version) -> {
              seen.add(file.filename() + "=" + version.orElse("?"));
              return version.isPresent();
            });

    assertEquals(
        List.of(
            "tg_alpha-1.0.0-py3-none-any.whl=1.0.0",
            "tg-alpha-1.1.0.tar.gz=1.1.0",
            "tg_alpha-1.1.0-py3-none-any.whl=1.1.0",
            "tg_alpha+1-2.0.0-py3-none-any.whl=?"),
        seen);
    assertEquals(List.of("1.0.0", "1.1.0"), kept.fileVersions());
    assertEquals(Optional.empty(), kept.file("tg_alpha+1-2.0.0-py3-none-any.whl"));
    assertEquals(
        "https://upstream.example.org/files/tg-alpha-1.1.0.tar.gz",
        kept.file("tg-alpha-1.1.0.tar.gz").orElseThrow().url());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "index-relative-urls.html",
        "index-with-yanked-file.html",
        "index-with-core-metadata.html",
        "index-with-base-href.html",
        "index-sloppy-markup.html",
      })
  void htmlPagesSurviveAnHtmlRoundTrip(String fixture) throws MalformedIndexException {
    SimpleProjectPage page = Fixtures.page(fixture);

    SimpleProjectPage again = reparse(page, SimpleFormat.HTML, "text/html");

    assertEquals(page.files(), again.files());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "project-pep691-with-metadata.json",
        "project-pep691-minimal.json",
        "project-pep691-dist-info-metadata-only.json",
        "index-with-core-metadata.html",
        "index-with-yanked-file.html",
      })
  void everyPageSurvivesAJsonRoundTrip(String fixture) throws MalformedIndexException {
    SimpleProjectPage page = Fixtures.page(fixture);

    SimpleProjectPage again = reparse(page, SimpleFormat.JSON, SimpleFormat.JSON_V1);

    assertEquals(page.files(), again.files());
    assertEquals(Optional.of(page.fileVersions()), again.declaredVersions());
  }

  @Test
  void escapesEverythingAnUpstreamSends() throws MalformedIndexException {
    String hostile = "\"><script>alert('x')</script>&amp;";
    DistributionFile file =
        DistributionFile.builder()
            .filename("tg-alpha-1.0.tar.gz")
            .url("https://files.example.org/tg-alpha-1.0.tar.gz")
            .requiresPython(hostile)
            .yank(YankStatus.yanked(hostile))
            .build();
    SimpleProjectPage page =
        new SimpleProjectPage(Fixtures.PROJECT, "1.0", Optional.empty(), List.of(file));
    FileLinker hostileLink = f -> "https://gateway.test/x?a=1&b=\"<script>";

    String html = write(page, SimpleFormat.HTML, hostileLink);

    assertFalse(html.contains("<script>"), html);
    SimpleProjectPage again =
        SimpleApiCodec.parseProjectPage(
            html.getBytes(StandardCharsets.UTF_8),
            "text/html",
            Fixtures.PAGE_URL,
            Fixtures.PROJECT);
    assertEquals(Optional.of(hostile), again.files().get(0).requiresPython());
    assertEquals(YankStatus.yanked(hostile), again.files().get(0).yank());
  }

  @Test
  void hrefCarriesTheBestHashPipCanCheck() {
    DistributionFile md5Only =
        DistributionFile.builder()
            .filename("tg-alpha-1.0.tar.gz")
            .url("https://files.example.org/tg-alpha-1.0.tar.gz")
            .hashes(Map.of("md5", "0cc175b9c0f1b6a831c399e269772661", "blake2b", "ab"))
            .build();
    SimpleProjectPage page =
        new SimpleProjectPage(Fixtures.PROJECT, "1.0", Optional.empty(), List.of(md5Only));

    String html = write(page, SimpleFormat.HTML, VIA_GATEWAY);

    String md5 = "0cc175b9c0f1b6a831c399e269772661";
    assertTrue(
        html.contains("href=\"/pypi/files/tg-alpha/tg-alpha-1.0.tar.gz#md5=" + md5 + "\""), html);
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource({"HTML, rendered-project-list.html", "JSON, rendered-project-list.json"})
  void writesTheProjectList(SimpleFormat format, String golden) {
    byte[] body =
        SimpleApiCodec.writeProjectList(List.of("requests", "Zope.Interface", "tg-alpha"), format);

    assertEquals(Fixtures.text(golden), new String(body, StandardCharsets.UTF_8));
  }

  private static String write(SimpleProjectPage page, SimpleFormat format, FileLinker linker) {
    return new String(
        SimpleApiCodec.writeProjectPage(page, format, linker), StandardCharsets.UTF_8);
  }

  private static SimpleProjectPage reparse(
      SimpleProjectPage page, SimpleFormat format, String contentType)
      throws MalformedIndexException {
    byte[] written = SimpleApiCodec.writeProjectPage(page, format, UPSTREAM_URL);
    return SimpleApiCodec.parseProjectPage(written, contentType, Fixtures.PAGE_URL, page.name());
  }
}
