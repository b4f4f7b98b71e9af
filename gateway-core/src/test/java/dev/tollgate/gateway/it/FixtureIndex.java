package dev.tollgate.gateway.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A hermetic PyPI "simple" repository on disk, written from a list of {@link FixtureRelease}s:
 * {@code files/} holds the distributions (and PEP 658 {@code .metadata} files), and every page
 * exists twice, as PEP 503 HTML ({@code index.html}, what a static file server serves) and as
 * PEP 691 JSON ({@code index.json}, what the JSON upstream serves). File links are relative
 * ({@code ../../files/...}), as on many mirrors, so the gateway must resolve them.
 */
final class FixtureIndex {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One published file and the facts its index entry states. */
  private record Listing(FixtureRelease release, String fileName, String sha256, long size,
      Optional<String> metadataSha256) {}

  private final Path root;
  private final Map<String, String> listedSha256;

  private FixtureIndex(Path root, Map<String, String> listedSha256) {
    this.root = root;
    this.listedSha256 = listedSha256;
  }

  /** Writes the repository for {@code releases} under {@code root}. */
  static FixtureIndex write(Path root, List<FixtureRelease> releases) throws IOException {
    Path files = Files.createDirectories(root.resolve("files"));
    Map<String, List<Listing>> byProject = new TreeMap<>();
    for (FixtureRelease release : releases) {
      List<Listing> listings = byProject.computeIfAbsent(release.normalizedName(), name -> new ArrayList<>());
      listings.add(writeWheel(files, release));
      if (release.sdist()) {
        byte[] sdist = DistributionArchives.sdist(release);
        Files.write(files.resolve(release.sdistFileName()), sdist);
        listings.add(new Listing(release, release.sdistFileName(), DistributionArchives.sha256Hex(sdist),
            sdist.length, Optional.empty()));
      }
    }
    Path simple = Files.createDirectories(root.resolve("simple"));
    Files.writeString(simple.resolve("index.html"), rootHtml(byProject.keySet()), StandardCharsets.UTF_8);
    JSON.writeValue(simple.resolve("index.json").toFile(), rootJson(byProject.keySet()));
    Map<String, String> listedSha256 = new LinkedHashMap<>();
    for (Map.Entry<String, List<Listing>> project : byProject.entrySet()) {
      Path page = Files.createDirectories(simple.resolve(project.getKey()));
      Files.writeString(page.resolve("index.html"), projectHtml(project.getKey(), project.getValue()),
          StandardCharsets.UTF_8);
      JSON.writeValue(page.resolve("index.json").toFile(), projectJson(project.getKey(), project.getValue()));
      project.getValue().forEach(listing -> listedSha256.put(listing.fileName(), listing.sha256()));
    }
    return new FixtureIndex(root, listedSha256);
  }

  private static Listing writeWheel(Path files, FixtureRelease release) throws IOException {
    byte[] wheel = DistributionArchives.wheel(release, DistributionArchives.moduleSource(release));
    byte[] onDisk = release.tamperedOnDisk()
        ? DistributionArchives.wheel(release, DistributionArchives.moduleSource(release).toUpperCase(Locale.ROOT))
        : wheel;
    Files.write(files.resolve(release.wheelFileName()), onDisk);
    Optional<String> metadataSha256 = Optional.empty();
    if (release.coreMetadata()) {
      byte[] metadata = DistributionArchives.coreMetadata(release);
      Files.write(files.resolve(release.wheelFileName() + ".metadata"), metadata);
      metadataSha256 = Optional.of(DistributionArchives.sha256Hex(metadata));
    }
    return new Listing(release, release.wheelFileName(), DistributionArchives.sha256Hex(wheel), wheel.length,
        metadataSha256);
  }

  private static String rootHtml(Iterable<String> projects) {
    StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html><head>"
        + "<meta name=\"pypi:repository-version\" content=\"1.1\"><title>Simple index</title></head><body>\n");
    projects.forEach(name -> html.append("<a href=\"").append(name).append("/\">").append(name).append("</a><br/>\n"));
    return html.append("</body></html>\n").toString();
  }

  private static Map<String, Object> rootJson(Iterable<String> projects) {
    List<Map<String, Object>> entries = new ArrayList<>();
    projects.forEach(name -> entries.add(Map.of("name", name)));
    return Map.of("meta", Map.of("api-version", "1.1"), "projects", entries);
  }

  private static String projectHtml(String project, List<Listing> listings) {
    StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html><head>"
        + "<meta name=\"pypi:repository-version\" content=\"1.1\"><title>Links for " + project
        + "</title></head><body>\n<h1>Links for " + project + "</h1>\n");
    for (Listing listing : listings) {
      html.append("<a href=\"../../files/").append(listing.fileName()).append("#sha256=").append(listing.sha256())
          .append('"');
      listing.release().requiresPython().ifPresent(spec ->
          html.append(" data-requires-python=\"").append(escapeHtml(spec)).append('"'));
      listing.release().yankedReason().ifPresent(reason ->
          html.append(" data-yanked=\"").append(escapeHtml(reason)).append('"'));
      listing.metadataSha256().ifPresent(sha -> html.append(" data-core-metadata=\"sha256=").append(sha)
          .append("\" data-dist-info-metadata=\"sha256=").append(sha).append('"'));
      html.append('>').append(listing.fileName()).append("</a><br/>\n");
    }
    return html.append("</body></html>\n").toString();
  }

  private static Map<String, Object> projectJson(String project, List<Listing> listings) {
    List<Map<String, Object>> files = new ArrayList<>();
    List<String> versions = new ArrayList<>();
    for (Listing listing : listings) {
      Map<String, Object> file = new LinkedHashMap<>();
      file.put("filename", listing.fileName());
      file.put("url", "../../files/" + listing.fileName());
      file.put("hashes", Map.of("sha256", listing.sha256()));
      listing.release().requiresPython().ifPresent(spec -> file.put("requires-python", spec));
      file.put("yanked", listing.release().yankedReason().<Object>map(reason -> reason).orElse(false));
      Object metadata = listing.metadataSha256().<Object>map(sha -> Map.of("sha256", sha)).orElse(false);
      file.put("core-metadata", metadata);
      file.put("dist-info-metadata", metadata);
      file.put("size", listing.size());
      files.add(file);
      if (!versions.contains(listing.release().version())) {
        versions.add(listing.release().version());
      }
    }
    Map<String, Object> page = new LinkedHashMap<>();
    page.put("meta", Map.of("api-version", "1.1"));
    page.put("name", project);
    page.put("versions", versions);
    page.put("files", files);
    return page;
  }

  private static String escapeHtml(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  Path root() {
    return root;
  }

  /** The distribution file as the upstream serves it (for a tampered release: the tampered bytes). */
  Path file(String fileName) {
    return root.resolve("files").resolve(fileName);
  }

  /** The sha256 the index lists for {@code fileName} (for a tampered release: that of the good file). */
  String listedSha256(String fileName) {
    String sha = listedSha256.get(fileName);
    if (sha == null) {
      throw new IllegalArgumentException("the fixture index lists no file " + fileName);
    }
    return sha;
  }
}
