package dev.tollgate.gateway.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.tollgate.policy.rules.Enforcement;
import dev.tollgate.policy.rules.PolicyMode;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads {@code tollgate.yaml} from a configuration directory, applies the documented
 * {@code TOLLGATE_*} environment overrides and validates the result. Errors name the file, the line
 * (where YAML gives one) and the field.
 */
public final class ConfigLoader {

  /** The file in the configuration directory that this loader reads. */
  public static final String FILE_NAME = "tollgate.yaml";

  static final ObjectMapper YAML = YAMLMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .build();

  private ConfigLoader() {}

  /** Loads {@code configDir/tollgate.yaml} with overrides from {@code env} (pass {@code System.getenv()}). */
  public static GatewayConfig load(Path configDir, Map<String, String> env) throws ConfigException {
    Path dir = configDir.toAbsolutePath().normalize();
    Path file = dir.resolve(FILE_NAME);
    RawConfig raw;
    try {
      raw = Files.exists(file) ? YAML.readValue(file.toFile(), RawConfig.class) : null;
    } catch (JsonProcessingException e) {
      throw new ConfigException(describe(file, YamlFieldLines.of(file), e), e);
    } catch (IOException e) {
      throw new ConfigException(file + ": cannot be read: " + e.getMessage(), e);
    }
    if (!Files.exists(file)) {
      throw new ConfigException(file + ": missing (expected the gateway's configuration; an empty file means all defaults)");
    }
    if (raw == null) {
      raw = new RawConfig(null, null, null, null, null, null, null, null, null);
    }
    return new Validator(file, dir, env, YamlFieldLines.of(file)).validate(raw);
  }

  static String describe(Path file, YamlFieldLines lines, JsonProcessingException e) {
    StringBuilder message = new StringBuilder(file.toString());
    String field = null;
    if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      field = mapping.getPath().stream()
          .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
          .collect(Collectors.joining(".")).replace(".[", "[");
    }
    Optional<Integer> line = field == null ? Optional.empty() : lines.line(field);
    if (line.isPresent()) {
      message.append(':').append(line.get());
    } else if (e.getLocation() != null) {
      message.append(':').append(e.getLocation().getLineNr());
    }
    if (field != null) {
      message.append(": field '").append(field).append('\'');
    }
    if (e instanceof UnrecognizedPropertyException unknown) {
      message.append(" is not a known setting (known here: ")
          .append(unknown.getKnownPropertyIds().stream().map(Object::toString).sorted()
              .collect(Collectors.joining(", ")))
          .append(')');
    } else {
      message.append(": ").append(e.getOriginalMessage().lines().findFirst().orElse("invalid"));
    }
    return message.toString();
  }

  /** Checks and converts the raw, string-typed file into {@link GatewayConfig}. */
  private static final class Validator implements OciConfigReader.Fields {
    private final Path file;
    private final Path dir;
    private final Map<String, String> env;
    private final YamlFieldLines lines;
    private final Map<String, String> fromEnvironment = new HashMap<>();

    Validator(Path file, Path dir, Map<String, String> env, YamlFieldLines lines) {
      this.file = file;
      this.dir = dir;
      this.env = env;
      this.lines = lines;
    }

    GatewayConfig validate(RawConfig raw) throws ConfigException {
      RawServer s = raw.server() == null ? new RawServer(null, null, null, null, null, null, null) : raw.server();
      RawPypi p = raw.pypi() == null ? new RawPypi(null, null) : raw.pypi();
      RawPolicy pol = raw.policy() == null ? new RawPolicy(null, null, null, null) : raw.policy();
      RawCache c = raw.cache() == null ? new RawCache(null, null, null, null, null) : raw.cache();
      RawUpstream u = raw.upstream() == null ? new RawUpstream(null, null, null, null) : raw.upstream();

      String host = override("TOLLGATE_HOST", "server.host", s.host(), "127.0.0.1");
      int port = parse("server.port", override("TOLLGATE_PORT", "server.port", str(s.port()), "8080"),
          Integer::parseInt);
      if (port < 0 || port > 65535) {
        throw error("server.port", "must be between 0 and 65535, not " + port);
      }
      GatewayConfig.Server server = new GatewayConfig.Server(
          host,
          port,
          positive("server.maxInitialLineLength", orDefault(s.maxInitialLineLength(), 8192)),
          positive("server.maxHeaderSize", orDefault(s.maxHeaderSize(), 16384)),
          (int) Math.min(Integer.MAX_VALUE, size("server.maxRequestBody", s.maxRequestBody(), "64KiB")),
          duration("server.idleTimeout", s.idleTimeout(), "60s"),
          duration("server.shutdownGrace", s.shutdownGrace(), "10s"));

      URI upstream = upstreamUri("pypi.upstream",
          override("TOLLGATE_PYPI_UPSTREAM", "pypi.upstream", p.upstream(), "https://pypi.org/simple/"));
      List<String> fileHosts = p.fileHosts() == null
          ? List.of("files.pythonhosted.org")
          : p.fileHosts().stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
      GatewayConfig.Pypi pypi = new GatewayConfig.Pypi(upstream, fileHosts);

      String npmUpstream = override("TOLLGATE_NPM_UPSTREAM", "npm.upstream",
          raw.npm() == null ? null : raw.npm().upstream(), null);
      GatewayConfig.Npm npm = new GatewayConfig.Npm(npmUpstream == null
          ? Optional.empty() : Optional.of(upstreamUri("npm.upstream", npmUpstream)),
          privateRegistry(raw.npm() == null ? null : raw.npm().privateRegistry()));

      PolicyMode mode = parse("policy.mode",
          override("TOLLGATE_POLICY_MODE", "policy.mode", pol.mode(), "allowlist"),
          v -> enumValue(PolicyMode.class, v.replace("-", ""), "allowlist, open"));
      Enforcement enforcement = parse("policy.enforcement",
          override("TOLLGATE_POLICY_ENFORCEMENT", "policy.enforcement", pol.enforcement(), "enforce"),
          v -> enumValue(Enforcement.class, v, "enforce, audit"));
      GatewayConfig.Policy policy = new GatewayConfig.Policy(mode, enforcement,
          dir.resolve(pol.directory() == null ? "policy" : pol.directory()).normalize(),
          dir.resolve(pol.popularNames() == null ? "popular" : pol.popularNames()).normalize());

      Duration ttl = duration("cache.metadataTtl", c.metadataTtl(), "5m");
      Duration stale = duration("cache.metadataStaleFor", c.metadataStaleFor(), "24h");
      GatewayConfig.Cache cache = new GatewayConfig.Cache(ttl, stale,
          positive("cache.metadataMaxEntries", orDefault(c.metadataMaxEntries(), 10_000)),
          size("cache.metadataMaxSize", c.metadataMaxSize(), "512MiB"),
          size("cache.artifactMaxSize", c.artifactMaxSize(), "10GiB"));

      GatewayConfig.Upstream up = new GatewayConfig.Upstream(
          duration("upstream.connectTimeout", u.connectTimeout(), "10s"),
          duration("upstream.readTimeout", u.readTimeout(), "30s"),
          nonNegative("upstream.retries", orDefault(u.retries(), 2)),
          size("upstream.maxMetadataSize", u.maxMetadataSize(), "64MiB"),
          "tollgate/0.1");

      String data = override("TOLLGATE_DATA_DIR", "data", raw.data(), "var");
      Path dataDir = Path.of(data).toAbsolutePath().normalize();
      OciConfig oci = new OciConfigReader(env, this).read(raw.oci());
      List<String> roots = raw.sigstore() == null || raw.sigstore().trustedRoots() == null
          ? List.of("sigstore/trusted_root.json") : raw.sigstore().trustedRoots();
      if (roots.isEmpty()) {
        throw error("sigstore.trustedRoots", "must name at least one trusted_root.json");
      }
      GatewayConfig.Sigstore sigstore = new GatewayConfig.Sigstore(
          roots.stream().map(root -> dir.resolve(root).normalize()).toList());
      return new GatewayConfig(dir, dataDir, server, pypi, npm, policy, cache, up, oci, sigstore);
    }

    private Optional<GatewayConfig.PrivateRegistry> privateRegistry(RawPrivateRegistry raw) throws ConfigException {
      String upstream = override("TOLLGATE_NPM_PRIVATE_UPSTREAM", "npm.private.upstream",
          raw == null ? null : raw.upstream(), null);
      if (upstream == null) {
        if (raw != null && (raw.scopes() != null || raw.names() != null)) {
          throw error("npm.private.upstream", "is needed when npm.private names scopes or packages");
        }
        return Optional.empty();
      }
      List<String> scopes = raw == null || raw.scopes() == null ? List.of() : raw.scopes();
      List<String> names = raw == null || raw.names() == null ? List.of() : raw.names();
      for (String scope : scopes) {
        if (!scope.matches("@[a-z0-9][a-z0-9._~-]*")) {
          throw error("npm.private.scopes", "'" + scope + "' is not an npm scope (write @scope, lower case)");
        }
      }
      for (String name : names) {
        if (!name.matches("(@[a-z0-9][a-z0-9._~-]*/)?[a-z0-9][a-z0-9._~-]*")) {
          throw error("npm.private.names", "'" + name + "' is not an npm package name");
        }
      }
      return Optional.of(new GatewayConfig.PrivateRegistry(upstreamUri("npm.private.upstream", upstream), scopes,
          names));
    }

    private String override(String variable, String field, String fromFile, String fallback) {
      String fromEnv = env.get(variable);
      if (fromEnv != null && !fromEnv.isBlank()) {
        fromEnvironment.put(field, variable);
        return fromEnv.trim();
      }
      return fromFile != null ? fromFile : fallback;
    }

    @Override
    public URI upstreamUri(String field, String text) throws ConfigException {
      try {
        String withSlash = text.endsWith("/") ? text : text + "/";
        URI uri = new URI(withSlash);
        if (!uri.isAbsolute() || uri.getHost() == null
            || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
          throw error(field, "must be an absolute http or https URL, not '" + text + "'");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
          throw error(field, "must not have a query or fragment: '" + text + "'");
        }
        return uri;
      } catch (URISyntaxException e) {
        throw error(field, "is not a valid URL: " + e.getMessage());
      }
    }

    private Duration duration(String field, String text, String fallback) throws ConfigException {
      return parse(field, text == null ? fallback : text, Quantities::duration);
    }

    private long size(String field, String text, String fallback) throws ConfigException {
      return parse(field, text == null ? fallback : text, Quantities::bytes);
    }

    private int positive(String field, int value) throws ConfigException {
      if (value <= 0) {
        throw error(field, "must be positive, not " + value);
      }
      return value;
    }

    private int nonNegative(String field, int value) throws ConfigException {
      if (value < 0) {
        throw error(field, "must not be negative, not " + value);
      }
      return value;
    }

    private <T> T parse(String field, String text, Function<String, T> parser) throws ConfigException {
      try {
        return parser.apply(text);
      } catch (IllegalArgumentException e) {
        throw error(field, "'" + text + "' is invalid: " + e.getMessage());
      }
    }

    @Override
    public ConfigException error(String field, String why) {
      String variable = fromEnvironment.get(field);
      if (variable != null) {
        return new ConfigException("environment variable " + variable + " (for " + field + ") " + why);
      }
      String where = lines.nearestLine(field).map(l -> file + ":" + l).orElse(file.toString());
      return new ConfigException(where + ": field '" + field + "' " + why);
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String text, String allowed) {
      try {
        return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("expected one of " + allowed);
      }
    }

    private static int orDefault(Integer value, int fallback) {
      return value == null ? fallback : value;
    }

    private static String str(Integer value) {
      return value == null ? null : value.toString();
    }
  }

  record RawConfig(RawServer server, RawPypi pypi, RawNpm npm, RawPolicy policy, RawCache cache,
      RawUpstream upstream, String data, OciConfigReader.RawOci oci, RawSigstore sigstore) {}

  record RawSigstore(List<String> trustedRoots) {}

  record RawServer(String host, Integer port, Integer maxInitialLineLength, Integer maxHeaderSize,
      String maxRequestBody, String idleTimeout, String shutdownGrace) {}

  record RawPypi(String upstream, List<String> fileHosts) {}

  record RawNpm(String upstream, @JsonProperty("private") RawPrivateRegistry privateRegistry) {}

  record RawPrivateRegistry(String upstream, List<String> scopes, List<String> names) {}

  record RawPolicy(String mode, String enforcement, String directory,
      @JsonProperty("popularNames") String popularNames) {}

  record RawCache(String metadataTtl, String metadataStaleFor, Integer metadataMaxEntries,
      String metadataMaxSize, String artifactMaxSize) {}

  record RawUpstream(String connectTimeout, String readTimeout, Integer retries, String maxMetadataSize) {}
}
