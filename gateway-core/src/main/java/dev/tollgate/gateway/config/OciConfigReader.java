package dev.tollgate.gateway.config;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Validates the {@code oci:} section of {@code tollgate.yaml}: keys unique and well formed, URLs
 * absolute, credentials present in the environment (their values are never put into a message), and
 * {@code TOLLGATE_OCI_UPSTREAM} applied to the default upstream.
 */
final class OciConfigReader {

  /** The environment variable that replaces the default upstream's URL (or adds one). */
  static final String UPSTREAM_VARIABLE = "TOLLGATE_OCI_UPSTREAM";

  /** What the reader needs from the loader: its URL check and its errors that name the line. */
  interface Fields {
    URI upstreamUri(String field, String text) throws ConfigException;

    ConfigException error(String field, String why);
  }

  record RawOci(List<RawOciUpstream> upstreams, String defaultUpstream) {}

  record RawOciUpstream(String key, List<String> aliases, String url, String pathPrefix, Boolean dockerHub, RawCredentials credentials) {}

  record RawCredentials(String usernameEnv, String passwordEnv) {}

  private static final String REGISTRY_NAME = "[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:[0-9]{1,5})?";

  private final Map<String, String> env;
  private final Fields fields;

  OciConfigReader(Map<String, String> env, Fields fields) {
    this.env = env;
    this.fields = fields;
  }

  OciConfig read(RawOci raw) throws ConfigException {
    List<RawOciUpstream> rawUpstreams = raw == null || raw.upstreams() == null ? List.of() : raw.upstreams();
    List<OciConfig.Upstream> upstreams = new ArrayList<>();
    Set<String> keys = new HashSet<>();
    Set<String> prefixes = new HashSet<>();
    for (int i = 0; i < rawUpstreams.size(); i++) {
      OciConfig.Upstream upstream = upstream("oci.upstreams[" + i + "]", rawUpstreams.get(i));
      if (!keys.add(upstream.key())) {
        throw fields.error("oci.upstreams[" + i + "].key", "'" + upstream.key() + "' is used by two upstreams");
      }
      if (upstream.pathPrefix().isPresent() && !prefixes.add(upstream.pathPrefix().get())) {
        throw fields.error("oci.upstreams[" + i + "].pathPrefix",
            "'" + upstream.pathPrefix().get() + "' is used by two upstreams");
      }
      upstreams.add(upstream);
    }
    Optional<String> defaultKey = defaultKey(raw, upstreams);
    String override = env.get(UPSTREAM_VARIABLE);
    if (override != null && !override.isBlank()) {
      return withDefaultUrl(upstreams, defaultKey, override.trim());
    }
    return new OciConfig(upstreams, defaultKey);
  }

  private Optional<String> defaultKey(RawOci raw, List<OciConfig.Upstream> upstreams) throws ConfigException {
    if (raw != null && raw.defaultUpstream() != null) {
      if (upstreams.stream().noneMatch(u -> u.key().equals(raw.defaultUpstream()))) {
        throw fields.error("oci.defaultUpstream", "'" + raw.defaultUpstream() + "' is not the key of an upstream");
      }
      return Optional.of(raw.defaultUpstream());
    }
    return upstreams.stream().filter(u -> u.pathPrefix().isEmpty()).map(OciConfig.Upstream::key).findFirst();
  }

  /** Replaces the default upstream's URL with the variable's, or adds an upstream keyed by its host and port. */
  private OciConfig withDefaultUrl(List<OciConfig.Upstream> upstreams, Optional<String> defaultKey, String text)
      throws ConfigException {
    URI url = fields.upstreamUri("oci.upstreams", text);
    List<OciConfig.Upstream> replaced = new ArrayList<>();
    for (OciConfig.Upstream u : upstreams) {
      replaced.add(defaultKey.filter(u.key()::equals).isPresent()
          ? new OciConfig.Upstream(u.key(), u.aliases(), url, u.pathPrefix(), u.dockerHub(), u.credentials())
          : u);
    }
    if (defaultKey.isPresent()) {
      return new OciConfig(replaced, defaultKey);
    }
    String key = url.getPort() < 0 ? url.getHost() : url.getHost() + ":" + url.getPort();
    if (replaced.stream().anyMatch(u -> u.key().equals(key))) {
      throw new ConfigException("environment variable " + UPSTREAM_VARIABLE + " names " + key
          + ", which is already an upstream with a path prefix; set oci.defaultUpstream instead");
    }
    replaced.add(new OciConfig.Upstream(key, List.of(), url, Optional.empty(), false, Optional.empty()));
    return new OciConfig(replaced, Optional.of(key));
  }

  private OciConfig.Upstream upstream(String field, RawOciUpstream raw) throws ConfigException {
    if (raw.key() == null || !raw.key().matches(REGISTRY_NAME)) {
      throw fields.error(field + ".key", raw.key() == null ? "is required (the registry's name, e.g. docker.io)"
          : "'" + raw.key() + "' is not a registry name (lower-case host, optional :port)");
    }
    if (raw.url() == null) {
      throw fields.error(field + ".url", "is required (the registry's base URL)");
    }
    URI url = fields.upstreamUri(field + ".url", raw.url());
    Optional<String> prefix = Optional.ofNullable(raw.pathPrefix()).map(p -> p.replaceAll("^/+|/+$", ""));
    if (prefix.isPresent() && !prefix.get().matches("[a-z0-9]+([._-][a-z0-9]+)*")) {
      throw fields.error(field + ".pathPrefix",
          "'" + raw.pathPrefix() + "' must be one path segment of lower-case letters, digits and . _ -");
    }
    List<String> aliases = raw.aliases() == null ? List.of() : raw.aliases();
    for (String alias : aliases) {
      if (!alias.matches(REGISTRY_NAME)) {
        throw fields.error(field + ".aliases", "'" + alias + "' is not a registry name (lower-case host, optional :port)");
      }
    }
    return new OciConfig.Upstream(raw.key(), aliases, url, prefix, Boolean.TRUE.equals(raw.dockerHub()),
        credentials(field + ".credentials", raw.credentials()));
  }

  private Optional<OciConfig.Credentials> credentials(String field, RawCredentials raw) throws ConfigException {
    if (raw == null) {
      return Optional.empty();
    }
    return Optional.of(new OciConfig.Credentials(variable(field + ".usernameEnv", raw.usernameEnv()),
        variable(field + ".passwordEnv", raw.passwordEnv())));
  }

  private String variable(String field, String name) throws ConfigException {
    if (name == null || name.isBlank()) {
      throw fields.error(field, "is required: the name of an environment variable");
    }
    String value = env.get(name);
    if (value == null || value.isEmpty()) {
      throw fields.error(field, "names the environment variable " + name + ", which is not set");
    }
    return value;
  }
}
