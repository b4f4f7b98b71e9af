package dev.tollgate.bench.pypi;

import dev.tollgate.adapter.pypi.CoreMetadata;
import dev.tollgate.adapter.pypi.DistributionFile;
import dev.tollgate.adapter.pypi.FileLinker;
import dev.tollgate.adapter.pypi.MalformedIndexException;
import dev.tollgate.adapter.pypi.SimpleApiCodec;
import dev.tollgate.adapter.pypi.SimpleFormat;
import dev.tollgate.adapter.pypi.SimpleProjectPage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What the gateway spends on a project page it filters: parse the upstream page, drop the files of
 * half the versions, write the page for the client. Measured against copying the same bytes once
 * (the least any proxy does with a page), so the result reads as a ratio. The page is synthetic and
 * PyPI-like: {@code files} files, a wheel and an sdist per version, each with sha256, sizes, upload
 * times, requires-python and core metadata, served from absolute upstream URLs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SimplePageBench {

  private static final String PROJECT = "tg-alpha";
  private static final String PAGE_URL = "https://upstream.example.org/simple/tg-alpha/";
  private static final FileLinker VIA_GATEWAY = FileLinker.underMount("/pypi", PROJECT);

  @Param({"10000"})
  public int files;

  private byte[] htmlPage;
  private byte[] jsonPage;

  @Setup
  public void setUp() {
    SimpleProjectPage page = syntheticPage(files, new Random(42));
    FileLinker upstream = DistributionFile::url;
    htmlPage = SimpleApiCodec.writeProjectPage(page, SimpleFormat.HTML, upstream);
    jsonPage = SimpleApiCodec.writeProjectPage(page, SimpleFormat.JSON, upstream);
  }

  @Benchmark
  public byte[] copyHtmlBaseline() {
    return Arrays.copyOf(htmlPage, htmlPage.length);
  }

  @Benchmark
  public byte[] copyJsonBaseline() {
    return Arrays.copyOf(jsonPage, jsonPage.length);
  }

  @Benchmark
  public byte[] htmlToHtml() throws MalformedIndexException {
    return filterAndWrite(
        SimpleApiCodec.parseProjectPage(htmlPage, "text/html", PAGE_URL, PROJECT),
        SimpleFormat.HTML);
  }

  @Benchmark
  public byte[] jsonToJson() throws MalformedIndexException {
    return filterAndWrite(
        SimpleApiCodec.parseProjectPage(jsonPage, SimpleFormat.JSON_V1, PAGE_URL, PROJECT),
        SimpleFormat.JSON);
  }

  @Benchmark
  public byte[] jsonToHtml() throws MalformedIndexException {
    return filterAndWrite(
        SimpleApiCodec.parseProjectPage(jsonPage, SimpleFormat.JSON_V1, PAGE_URL, PROJECT),
        SimpleFormat.HTML);
  }

  /** Keeps versions with an even patch number, i.e. half the files, as a version policy would. */
  private static byte[] filterAndWrite(SimpleProjectPage page, SimpleFormat format) {
    SimpleProjectPage kept =
        page.filter((file, version) -> version.map(SimplePageBench::evenPatch).orElse(false));
    return SimpleApiCodec.writeProjectPage(kept, format, VIA_GATEWAY);
  }

  private static boolean evenPatch(String version) {
    return (version.charAt(version.length() - 1) - '0') % 2 == 0;
  }

  private static SimpleProjectPage syntheticPage(int fileCount, Random random) {
    HexFormat hex = HexFormat.of();
    Instant firstUpload = Instant.parse("2015-01-01T00:00:00Z");
    List<DistributionFile> list = new ArrayList<>(fileCount);
    for (int i = 0; i < fileCount; i++) {
      int release = i / 2;
      String version = (release / 100) + "." + (release / 10 % 10) + "." + (release % 10);
      String filename =
          i % 2 == 0
              ? "tg_alpha-" + version + "-py3-none-any.whl"
              : "tg-alpha-" + version + ".tar.gz";
      byte[] digest = new byte[32];
      random.nextBytes(digest);
      DistributionFile.Builder file =
          DistributionFile.builder()
              .filename(filename)
              .url(
                  "https://files.example.org/packages/"
                      + hex.formatHex(digest, 0, 2)
                      + "/"
                      + filename)
              .hashes(Map.of("sha256", hex.formatHex(digest)))
              .requiresPython(">=3.8")
              .size(10_000 + random.nextInt(1_000_000))
              .uploadTime(firstUpload.plusSeconds(3_600L * i));
      if (i % 2 == 0) {
        random.nextBytes(digest);
        file.coreMetadata(CoreMetadata.available(Map.of("sha256", hex.formatHex(digest))));
      }
      list.add(file.build());
    }
    return new SimpleProjectPage(PROJECT, "1.1", Optional.empty(), list);
  }
}
