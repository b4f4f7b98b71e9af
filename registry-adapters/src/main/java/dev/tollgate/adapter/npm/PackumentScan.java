package dev.tollgate.adapter.npm;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.tollgate.adapter.text.UpstreamText;
import dev.tollgate.adapter.time.IsoDateTimes;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The first, read-only pass over a packument: collects its dist-tags and, for the versions asked
 * about, what policy needs ({@link VersionInfo}), in one streaming read without a tree. A version
 * object is read field by field; everything policy does not look at (readmes, dependencies,
 * maintainers) is skipped token by token, so memory grows with the number of versions, not with the
 * size of the document. It runs first because the facts come in any order: a full packument usually
 * has {@code dist-tags} before {@code versions} and {@code time} after them.
 */
final class PackumentScan {

  /** The facts a filter decision needs. */
  record Result(Map<String, String> distTags, List<VersionInfo> versions) {}

  private static final Set<String> INSTALL_SCRIPTS = Set.of("preinstall", "install", "postinstall");

  private final String name;
  private final Predicate<String> wantedVersion;
  private final Map<String, String> distTags = new LinkedHashMap<>();
  private final Map<String, String> times = new HashMap<>();
  private final List<VersionInfo> versions = new ArrayList<>();

  private PackumentScan(String name, Predicate<String> wantedVersion) {
    this.name = name;
    this.wantedVersion = wantedVersion;
  }

  /**
   * Reads the dist-tags of {@code name}'s packument and the facts of the versions {@code
   * wantedVersion} accepts, in document order.
   */
  static Result scan(byte[] packument, String name, Predicate<String> wantedVersion)
      throws MalformedPackumentException {
    PackumentScan scan = new PackumentScan(name, wantedVersion);
    return PackumentJson.read(packument, scan::topLevel);
  }

  private Result topLevel(JsonParser json) throws IOException, MalformedPackumentException {
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String key = json.currentName();
      json.nextToken();
      switch (key) {
        case "name" -> checkName(json);
        case "dist-tags" -> distTags(json);
        case "versions" -> versions(json);
        case "time" -> times(json);
        default -> json.skipChildren();
      }
    }
    List<VersionInfo> dated = new ArrayList<>(versions.size());
    for (VersionInfo version : versions) {
      dated.add(version.withPublishedAt(publishedAt(version.version())));
    }
    return new Result(distTags, dated);
  }

  private void checkName(JsonParser json) throws IOException, MalformedPackumentException {
    String declared = PackumentJson.stringOrNull(json);
    if (!name.equals(declared)) {
      throw new MalformedPackumentException(
          "upstream sent the packument of "
              + UpstreamText.quote(String.valueOf(declared))
              + " for "
              + UpstreamText.quote(name));
    }
  }

  private void distTags(JsonParser json) throws IOException, MalformedPackumentException {
    PackumentJson.forEachField(
        json,
        "an object of tag to version",
        tag -> {
          PackumentJson.expect(json, JsonToken.VALUE_STRING, "a version string");
          distTags.put(tag, json.getText());
        });
  }

  private void times(JsonParser json) throws IOException, MalformedPackumentException {
    PackumentJson.forEachField(
        json,
        "an object of version to time",
        key -> {
          if (json.currentToken() == JsonToken.VALUE_STRING && wantedVersion.test(key)) {
            times.put(key, json.getText());
          } else {
            json.skipChildren();
          }
        });
  }

  private Optional<Instant> publishedAt(String version) throws MalformedPackumentException {
    String time = times.get(version);
    if (time == null) {
      return Optional.empty();
    }
    Optional<Instant> instant = IsoDateTimes.parse(time);
    if (instant.isEmpty()) {
      throw new MalformedPackumentException(
          "/time/" + version + " is not an ISO 8601 time: " + UpstreamText.quote(time));
    }
    return instant;
  }

  private void versions(JsonParser json) throws IOException, MalformedPackumentException {
    PackumentJson.forEachField(
        json,
        "an object of version to manifest",
        version -> {
          PackumentJson.expect(json, JsonToken.START_OBJECT, "an object");
          if (wantedVersion.test(version)) {
            versions.add(version(json, version));
          } else {
            json.skipChildren();
          }
        });
  }

  private static VersionInfo version(JsonParser json, String version)
      throws IOException, MalformedPackumentException {
    boolean installScript = false;
    Optional<String> deprecated = Optional.empty();
    Dist dist = Dist.NONE;
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String key = json.currentName();
      JsonToken value = json.nextToken();
      switch (key) {
        case "scripts" -> installScript |= hasInstallScript(json);
        case "hasInstallScript" -> {
          installScript |= value == JsonToken.VALUE_TRUE;
          json.skipChildren();
        }
        case "deprecated" -> deprecated = deprecation(json);
        case "dist" -> dist = dist(json);
        default -> json.skipChildren();
      }
    }
    return new VersionInfo(
        version,
        installScript,
        deprecated,
        dist.integrity(),
        dist.shasum(),
        dist.tarball(),
        Optional.empty());
  }

  /** Whether an install-time script is set: anything but {@code null}, {@code false} or "". */
  private static boolean hasInstallScript(JsonParser json) throws IOException {
    if (json.currentToken() != JsonToken.START_OBJECT) {
      json.skipChildren();
      return false;
    }
    boolean found = false;
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      boolean installTime = INSTALL_SCRIPTS.contains(json.currentName());
      JsonToken value = json.nextToken();
      boolean unset =
          value == JsonToken.VALUE_NULL
              || value == JsonToken.VALUE_FALSE
              || (value == JsonToken.VALUE_STRING && json.getText().isEmpty());
      found |= installTime && !unset;
      json.skipChildren();
    }
    return found;
  }

  /** npm's reading: a non-empty message, or {@code true}; "" is how a package is undeprecated. */
  private static Optional<String> deprecation(JsonParser json) throws IOException {
    return switch (json.currentToken()) {
      case VALUE_STRING ->
          json.getText().isEmpty() ? Optional.empty() : Optional.of(json.getText());
      case VALUE_TRUE -> Optional.of("");
      default -> {
        json.skipChildren();
        yield Optional.empty();
      }
    };
  }

  private static Dist dist(JsonParser json) throws IOException, MalformedPackumentException {
    PackumentJson.expect(json, JsonToken.START_OBJECT, "an object");
    String integrity = null;
    String shasum = null;
    String tarball = null;
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String key = json.currentName();
      json.nextToken();
      switch (key) {
        case "integrity" -> integrity = PackumentJson.stringOrNull(json);
        case "shasum" -> shasum = PackumentJson.stringOrNull(json);
        case "tarball" -> tarball = PackumentJson.stringOrNull(json);
        default -> json.skipChildren();
      }
    }
    return new Dist(
        Optional.ofNullable(integrity), Optional.ofNullable(shasum), Optional.ofNullable(tarball));
  }

  private record Dist(
      Optional<String> integrity, Optional<String> shasum, Optional<String> tarball) {
    static final Dist NONE = new Dist(Optional.empty(), Optional.empty(), Optional.empty());
  }
}
