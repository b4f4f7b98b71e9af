package dev.tollgate.adapter.npm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PackumentFilterTest {

  private static final Instant CUTOFF = Instant.parse("2024-05-01T00:00:00Z");

  static Stream<Arguments> goldens() {
    Predicate<VersionInfo> noInstallScripts = v -> !v.hasInstallScript();
    Set<String> denied = Set.of("2.1.0", "2.1.0-beta.1", "3.0.0-canary.1");
    return Stream.of(
        arguments(
            "packument-with-install-script.json",
            "tg-scripty",
            noInstallScripts,
            List.of("1.1.0", "1.3.0"),
            Map.of("latest", "1.0.0")),
        arguments(
            "packument-latest-points-at-denied.json",
            "tg-lines",
            (Predicate<VersionInfo>) v -> !denied.contains(v.version()),
            List.of("2.1.0-beta.1", "2.1.0", "3.0.0-canary.1"),
            Map.of("latest", "2.0.0", "next", "2.0.0", "v1", "1.1.0")),
        arguments(
            "corgi-packument.json",
            "tg-corgi",
            noInstallScripts.and(v -> !v.isDeprecated()),
            List.of("1.0.0", "2.0.0"),
            Map.of("latest", "1.0.1", "beta", "2.1.0-beta.0")),
        arguments(
            "packument-time-before-versions.json",
            "tg-early-time",
            (Predicate<VersionInfo>) v -> v.publishedAt().orElseThrow().isBefore(CUTOFF),
            List.of("1.0.1"),
            Map.of("latest", "1.0.0")),
        arguments(
            "scoped-packument.json",
            "@acme/foo",
            (Predicate<VersionInfo>) v -> true,
            List.of(),
            Map.of("latest", "1.0.0")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldens")
  void servesTheExpectedDocument(
      String fixture,
      String name,
      Predicate<VersionInfo> keep,
      List<String> removed,
      Map<String, String> distTags)
      throws MalformedPackumentException {
    FilteredPackument filtered =
        PackumentFilter.filter(Fixtures.bytes(fixture), name, keep, Fixtures.VIA_GATEWAY);

    assertEquals(Fixtures.tree("filtered-" + fixture), Fixtures.tree(filtered.json()));
    assertEquals(removed, filtered.summary().removed());
    assertEquals(distTags, filtered.summary().distTags());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "packument-with-install-script.json",
        "packument-latest-points-at-denied.json",
        "corgi-packument.json",
        "packument-time-before-versions.json",
        "scoped-packument.json"
      })
  void keepingEverythingChangesNothingButTarballUrls(String fixture)
      throws MalformedPackumentException {
    byte[] upstream = Fixtures.bytes(fixture);
    String name = Fixtures.tree(upstream).get("name").asText();

    FilteredPackument filtered =
        PackumentFilter.filter(upstream, name, v -> true, (n, v, url) -> url);

    assertEquals(Fixtures.tree(upstream), Fixtures.tree(filtered.json()));
    assertEquals(List.of(), filtered.summary().removed());
  }

  @Test
  void keepsTheUpstreamOrderOfFields() throws MalformedPackumentException {
    FilteredPackument filtered =
        PackumentFilter.filter(
            Fixtures.bytes("packument-time-before-versions.json"),
            "tg-early-time",
            v -> true,
            Fixtures.VIA_GATEWAY);

    List<String> fields = new ArrayList<>();
    Fixtures.tree(filtered.json()).fieldNames().forEachRemaining(fields::add);
    assertEquals(List.of("time", "name", "versions", "dist-tags"), fields);
  }

  @Test
  void seesInstallScriptsInBothFormats() throws MalformedPackumentException {
    Map<String, VersionInfo> full = keepAll("packument-with-install-script.json", "tg-scripty");
    Map<String, VersionInfo> corgi = keepAll("corgi-packument.json", "tg-corgi");

    assertFalse(full.get("1.0.0").hasInstallScript(), "only a test script");
    assertTrue(full.get("1.1.0").hasInstallScript(), "postinstall");
    assertFalse(full.get("1.2.0").hasInstallScript(), "install is empty");
    assertTrue(full.get("1.3.0").hasInstallScript(), "preinstall");
    assertTrue(corgi.get("2.0.0").hasInstallScript(), "hasInstallScript: true");
    assertFalse(corgi.get("2.1.0-beta.0").hasInstallScript(), "hasInstallScript: false");
  }

  @Test
  void givesPolicyDeprecationDigestsAndTarballs() throws MalformedPackumentException {
    Map<String, VersionInfo> corgi = keepAll("corgi-packument.json", "tg-corgi");
    JsonNode dist = Fixtures.tree("corgi-packument.json").at("/versions/1.0.0/dist");

    VersionInfo deprecated = corgi.get("1.0.0");
    assertEquals(Optional.of("use 2.x"), deprecated.deprecated());
    assertEquals(Optional.of(dist.get("integrity").asText()), deprecated.integrity());
    assertEquals(Optional.of(dist.get("shasum").asText()), deprecated.shasum());
    assertEquals(
        Optional.of("https://upstream.example.org/tg-corgi/-/tg-corgi-1.0.0.tgz"),
        deprecated.tarball());
    assertEquals("sha512", deprecated.expectedDigest().orElseThrow().algorithm());
    assertFalse(corgi.get("1.0.1").isDeprecated(), "\"\" undeprecates");
    assertEquals(Optional.empty(), corgi.get("1.0.1").publishedAt(), "corgi has no time");
  }

  @Test
  void seesPublishTimesBeforeAndAfterTheVersions() throws MalformedPackumentException {
    Map<String, VersionInfo> timeAfter =
        keepAll("packument-with-install-script.json", "tg-scripty");
    Map<String, VersionInfo> timeBefore =
        keepAll("packument-time-before-versions.json", "tg-early-time");

    assertEquals(
        Optional.of(Instant.parse("2024-02-01T00:00:00Z")), timeAfter.get("1.1.0").publishedAt());
    assertEquals(
        Optional.of(Instant.parse("2023-12-31T23:00:00Z")), timeBefore.get("0.9.0").publishedAt());
  }

  @Test
  void removesVersionsThatAreNotSemVerWithoutAskingPolicy() throws MalformedPackumentException {
    byte[] upstream =
        Fixtures.utf8(
            """
            {"name":"tg-x","dist-tags":{"latest":"1.0"},
             "versions":{"1.0":{"dist":{"tarball":"https://u.example/a.tgz"}},"0.9.0":{}},
             "time":{"1.0":"2024-01-01T00:00:00Z","0.9.0":"2023-01-01T00:00:00Z"}}\
            """);
    List<String> asked = new ArrayList<>();

    FilteredPackument filtered =
        PackumentFilter.filter(upstream, "tg-x", v -> asked.add(v.version()), Fixtures.VIA_GATEWAY);

    assertEquals(List.of("0.9.0"), asked);
    assertEquals(List.of("1.0"), filtered.summary().removed());
    assertEquals(
        Fixtures.tree(
            Fixtures.utf8(
                """
                {"name":"tg-x","dist-tags":{"latest":"0.9.0"},"versions":{"0.9.0":{}},
                 "time":{"0.9.0":"2023-01-01T00:00:00Z"}}\
                """)),
        Fixtures.tree(filtered.json()));
  }

  @Test
  void refusingEveryVersionLeavesAnEmptyPackage() throws MalformedPackumentException {
    FilteredPackument filtered =
        PackumentFilter.filter(
            Fixtures.bytes("packument-latest-points-at-denied.json"),
            "tg-lines",
            v -> false,
            Fixtures.VIA_GATEWAY);
    JsonNode served = Fixtures.tree(filtered.json());

    assertFalse(filtered.summary().anyKept());
    assertEquals(0, served.get("versions").size());
    assertEquals(0, served.get("dist-tags").size());
    assertEquals(List.of("created", "modified"), fieldNames(served.get("time")));
    assertEquals("MIT", served.get("license").asText());
  }

  @Test
  void keepsTimesOfVersionsUpstreamNoLongerLists() throws MalformedPackumentException {
    byte[] upstream =
        Fixtures.utf8(
            """
            {"name":"tg-x","versions":{"1.0.0":{}},
             "time":{"0.1.0":"2020-01-01T00:00:00Z","1.0.0":"2024-01-01T00:00:00Z",
                     "unpublished":{"time":"2021-01-01T00:00:00Z","versions":["0.1.0"]}}}\
            """);

    FilteredPackument filtered =
        PackumentFilter.filter(upstream, "tg-x", v -> false, Fixtures.VIA_GATEWAY);

    assertEquals(
        List.of("0.1.0", "unpublished"), fieldNames(Fixtures.tree(filtered.json()).get("time")));
  }

  @Test
  void asksTheRewriterWithNameVersionAndUpstreamUrl() throws MalformedPackumentException {
    List<String> calls = new ArrayList<>();

    PackumentFilter.filter(
        Fixtures.bytes("scoped-packument.json"),
        "@acme/foo",
        v -> v.version().equals("1.0.0"),
        (name, version, url) -> {
          calls.add(name + " " + version + " " + url);
          return url;
        });

    assertEquals(
        List.of("@acme/foo 1.0.0 https://upstream.example.org/@acme/foo/-/foo-1.0.0.tgz"), calls);
  }

  @Test
  void filtersThousandsOfVersions() throws MalformedPackumentException {
    StringBuilder json = new StringBuilder("{\"name\":\"tg-many\",\"versions\":{");
    for (int i = 0; i < 3000; i++) {
      json.append(i == 0 ? "" : ",")
          .append("\"1.0.")
          .append(i)
          .append("\":{\"dist\":{\"tarball\":\"https://u.example/t.tgz\"}}");
    }
    json.append("},\"dist-tags\":{\"latest\":\"1.0.2999\"}}");

    FilteredPackument filtered =
        PackumentFilter.filter(
            Fixtures.utf8(json.toString()),
            "tg-many",
            v -> v.version().endsWith("0"),
            Fixtures.VIA_GATEWAY);

    JsonNode served = Fixtures.tree(filtered.json());
    assertEquals(300, served.get("versions").size());
    assertEquals("1.0.2990", served.at("/dist-tags/latest").asText());
    assertEquals(
        Fixtures.GATEWAY + "/tg-many/-/tg-many-1.0.2990.tgz",
        served.at("/versions/1.0.2990/dist/tarball").asText());
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          []                                                 | packument is not a JSON object
          {"name":"other"}                                   | upstream sent the packument of 'other' for 'tg-x'
          {"name":null}                                      | upstream sent the packument of 'null' for 'tg-x'
          {"name":"tg-x"} {}                                 | content after the packument's JSON object
          {"versions":[]}                                    | /versions must be an object of version to manifest, found START_ARRAY at line 1
          {"versions":{"1.0.0":"x"}}                         | /versions/1.0.0 must be an object, found VALUE_STRING at line 1
          {"versions":{"1.0.0":{"dist":"x"}}}                | /versions/1.0.0/dist must be an object, found VALUE_STRING at line 1
          {"versions":{"1.0.0":{"dist":{"integrity":5}}}}    | /versions/1.0.0/dist/integrity must be a string, found VALUE_NUMBER_INT at line 1
          {"versions":{"1.0.0":{"dist":{"tarball":[]}}}}     | /versions/1.0.0/dist/tarball must be a string, found START_ARRAY at line 1
          {"dist-tags":{"latest":1}}                         | /dist-tags/latest must be a version string, found VALUE_NUMBER_INT at line 1
          {"dist-tags":"latest"}                             | /dist-tags must be an object of tag to version, found VALUE_STRING at line 1
          {"time":[]}                                        | /time must be an object of version to time, found START_ARRAY at line 1
          {"versions":{"1.0.0":{}},"time":{"1.0.0":"soon"}}  | /time/1.0.0 is not an ISO 8601 time: 'soon'
          """)
  void refusesMalformedPackuments(String json, String message) {
    assertEquals(message, filteringFails(json).getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "{\"name\":\"tg-x\"",
        "{\"name\":\"tg-x\",\"name\":\"tg-x\"}",
        "{\"versions\":{\"1.0.0\":{},\"1.0.0\":{}}}",
        "",
        "{'name':'tg-x'}"
      })
  void refusesBrokenJson(String json) {
    MalformedPackumentException e = filteringFails(json);
    assertTrue(
        e.getMessage().startsWith("invalid JSON: ")
            || e.getMessage().equals("packument is not a JSON object"),
        e.getMessage());
  }

  private static MalformedPackumentException filteringFails(String json) {
    return assertThrows(
        MalformedPackumentException.class,
        () -> PackumentFilter.filter(Fixtures.utf8(json), "tg-x", v -> true, Fixtures.VIA_GATEWAY));
  }

  private static Map<String, VersionInfo> keepAll(String fixture, String name)
      throws MalformedPackumentException {
    return PackumentFilter.filter(Fixtures.bytes(fixture), name, v -> true, Fixtures.VIA_GATEWAY)
        .summary()
        .kept();
  }

  private static List<String> fieldNames(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
