package dev.tollgate.gateway.policy;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.tollgate.gateway.config.ConfigException;
import dev.tollgate.gateway.config.Quantities;
import dev.tollgate.gateway.config.YamlFieldLines;
import dev.tollgate.policy.coordinates.Ecosystem;
import dev.tollgate.policy.rules.Enforcement;
import dev.tollgate.policy.rules.ListEntry;
import dev.tollgate.policy.rules.NamePattern;
import dev.tollgate.policy.rules.PackagePolicy;
import dev.tollgate.policy.rules.PolicyMode;
import dev.tollgate.policy.version.VersionConstraint;
import dev.tollgate.policy.version.VersionScheme;
import dev.tollgate.policy.version.VersionSchemes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads one ecosystem's policy file ({@code policy/pypi.yaml}, {@code policy/npm.yaml}, {@code
 * policy/oci.yaml}): its
 * {@code allow} and {@code deny} lists and its {@code minimumReleaseAge}. Each entry is validated on its own, and an error names the file, the entry's line and the
 * field, so a reviewer can find the mistake.
 */
public final class PolicyFileLoader {

  private static final ObjectMapper YAML = YAMLMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  /** The top-level key for the ecosystem-wide minimum release age. */
  static final String MINIMUM_RELEASE_AGE = "minimumReleaseAge";

  private PolicyFileLoader() {}

  /** The policy for {@code ecosystem} from {@code file}; a missing file means empty lists. */
  public static PackagePolicy load(Ecosystem ecosystem, Path file, PolicyMode mode, Enforcement enforcement)
      throws ConfigException {
    List<ListEntry> allow = new ArrayList<>();
    List<ListEntry> deny = new ArrayList<>();
    Optional<Duration> minimumReleaseAge = Optional.empty();
    if (Files.exists(file)) {
      VersionScheme scheme = VersionSchemes.forEcosystem(ecosystem);
      try (JsonParser parser = YAML.createParser(file.toFile())) {
        JsonToken first = parser.nextToken();
        if (first != null && first != JsonToken.VALUE_NULL) {
          expect(parser, first, JsonToken.START_OBJECT, file, "the file must be a mapping with 'allow' and 'deny' lists");
          while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String list = parser.currentName();
            JsonLocation listAt = parser.currentTokenLocation();
            if (MINIMUM_RELEASE_AGE.equals(list)) {
              parser.nextToken();
              minimumReleaseAge = Optional.of(duration(parser.getValueAsString(), file, listAt, MINIMUM_RELEASE_AGE));
              continue;
            }
            if (!"allow".equals(list) && !"deny".equals(list)) {
              throw new ConfigException(where(file, listAt) + ": '" + list
                  + "' is not a known key (known: allow, deny, " + MINIMUM_RELEASE_AGE + ")");
            }
            JsonToken value = parser.nextToken();
            if (value == JsonToken.VALUE_NULL) {
              continue;
            }
            expect(parser, value, JsonToken.START_ARRAY, file, "'" + list + "' must be a list of entries");
            List<ListEntry> target = "allow".equals(list) ? allow : deny;
            int index = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
              JsonLocation at = parser.currentTokenLocation();
              String field = list + "[" + index + "]";
              expect(parser, parser.currentToken(), JsonToken.START_OBJECT, file,
                  field + " must be a mapping with at least 'name'");
              RawEntry raw;
              try {
                raw = YAML.readValue(parser, RawEntry.class);
              } catch (JsonMappingException e) {
                String key = e.getPath().isEmpty() ? null : e.getPath().get(e.getPath().size() - 1).getFieldName();
                String line = YamlFieldLines.of(file).line(field + "." + key)
                    .map(l -> file + ":" + l).orElse(where(file, at));
                throw new ConfigException(line + ": " + field
                    + ": " + e.getOriginalMessage().lines().findFirst().orElse("invalid"), e);
              }
              target.add(toEntry(ecosystem, scheme, raw, file, at, field));
              index++;
            }
          }
        }
      } catch (JsonProcessingException e) {
        throw new ConfigException(where(file, e.getLocation()) + ": " + e.getOriginalMessage(), e);
      } catch (IOException e) {
        throw new ConfigException(file + ": cannot be read: " + e.getMessage(), e);
      }
    }
    return new PackagePolicy(ecosystem, mode, enforcement, allow, deny, minimumReleaseAge);
  }

  private static Duration duration(String text, Path file, JsonLocation at, String field) throws ConfigException {
    try {
      return Quantities.duration(text == null ? "" : text);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(where(file, at) + ": " + field + ": " + e.getMessage());
    }
  }

  private static ListEntry toEntry(Ecosystem ecosystem, VersionScheme scheme, RawEntry raw, Path file,
      JsonLocation at, String field) throws ConfigException {
    String line = where(file, at);
    NamePattern name;
    try {
      name = NamePattern.parse(ecosystem, raw.name());
    } catch (IllegalArgumentException e) {
      throw new ConfigException(line + ": " + field + ".name: " + e.getMessage());
    }
    Optional<VersionConstraint> versions = Optional.empty();
    if (raw.version() != null && !raw.version().isBlank() && !raw.version().trim().equals("*")) {
      try {
        versions = Optional.of(scheme.parseConstraint(raw.version()));
      } catch (IllegalArgumentException e) {
        throw new ConfigException(line + ": " + field + ".version: " + e.getMessage());
      }
    }
    Optional<LocalDate> expires = Optional.empty();
    if (raw.expires() != null && !raw.expires().isBlank()) {
      try {
        expires = Optional.of(LocalDate.parse(raw.expires().trim()));
      } catch (DateTimeParseException e) {
        throw new ConfigException(line + ": " + field + ".expires: '" + raw.expires()
            + "' is not a date (write YYYY-MM-DD)");
      }
    }
    Optional<Duration> minimumAge = Optional.empty();
    if (raw.minimumAge() != null) {
      minimumAge = Optional.of(duration(raw.minimumAge(), file, at, field + ".minimumAge"));
    }
    if (raw.digestPinsOnly() != null && ecosystem != Ecosystem.OCI) {
      throw new ConfigException(line + ": " + field + ".digestPinsOnly: applies to images (policy/oci.yaml) only");
    }
    return new ListEntry(name, versions, expires, raw.note(), file.getFileName() + ":" + at.getLineNr(),
        Boolean.TRUE.equals(raw.installScripts()), minimumAge, Boolean.TRUE.equals(raw.digestPinsOnly()));
  }

  private static void expect(JsonParser parser, JsonToken actual, JsonToken wanted, Path file, String message)
      throws ConfigException {
    if (actual != wanted) {
      throw new ConfigException(where(file, parser.currentTokenLocation()) + ": " + message);
    }
  }

  private static String where(Path file, JsonLocation location) {
    return location == null ? file.toString() : file + ":" + location.getLineNr();
  }

  record RawEntry(String name, String version, String note, String expires, Boolean installScripts,
      String minimumAge, Boolean digestPinsOnly) {}
}
