package dev.tollgate.gateway.config;

import dev.tollgate.policy.rules.Enforcement;
import dev.tollgate.policy.rules.PolicyMode;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The gateway's validated configuration: what {@code tollgate.yaml} says, after defaults and
 * environment overrides. Built only by {@link ConfigLoader}; every value here has been checked.
 */
public record GatewayConfig(
    Path configDir,
    Path dataDir,
    Server server,
    Pypi pypi,
    Npm npm,
    Policy policy,
    Cache cache,
    Upstream upstream,
    Admin admin,
    Agents agents,
    Audit audit,
    OciConfig oci,
    Sigstore sigstore) {

  /** The listening socket and HTTP limits. */
  public record Server(
      String host,
      int port,
      int maxInitialLineLength,
      int maxHeaderSize,
      int maxRequestBody,
      Duration idleTimeout,
      Duration shutdownGrace) {}

  /** The PyPI upstream: its Simple API base URL and the extra hosts its file links may point to. */
  public record Pypi(URI upstream, List<String> fileHosts) {}

  /**
   * The npm upstream registry. Empty when neither {@code tollgate.yaml} nor
   * {@code TOLLGATE_NPM_UPSTREAM} names one: the gateway then takes the registry from the user's own
   * npm configuration at start.
   */
  public record Npm(Optional<URI> upstream, Optional<PrivateRegistry> privateRegistry) {}

  /**
   * The organisation's own npm registry and the names that belong to it (whole scopes, or single
   * names). Those names are fetched only from here, never from the public upstream, also when this
   * registry answers 404 or is down: that is what defeats dependency confusion.
   */
  public record PrivateRegistry(URI upstream, List<String> scopes, List<String> names) {
    public PrivateRegistry {
      scopes = List.copyOf(scopes);
      names = List.copyOf(names);
    }

    /** Whether {@code name} ({@code @scope/name} or unscoped, lower case) belongs to the private registry. */
    public boolean owns(String name) {
      int slash = name.indexOf('/');
      return names.contains(name) || (name.startsWith("@") && slash > 0 && scopes.contains(name.substring(0, slash)));
    }
  }

  /**
   * Where policy files live and how they apply. {@code sets} names further policy directories (each
   * with its own {@code pypi.yaml}, {@code npm.yaml}) that agent profiles can choose; the set
   * {@code default} is {@code directory}.
   */
  public record Policy(PolicyMode mode, Enforcement enforcement, Path directory, Path popularDirectory,
      Map<String, Path> sets) {
    public Policy {
      sets = Map.copyOf(sets);
    }
  }

  /**
   * The admin API's own listener, apart from the agents' port, and where its bearer tokens come from:
   * a file of tokens (one a line) and/or {@code TOLLGATE_ADMIN_TOKEN}.
   */
  public record Admin(String host, int port, Optional<Path> tokensFile) {}

  /** Metadata freshness and the artifact store's bound. */
  public record Cache(
      Duration metadataTtl,
      Duration metadataStaleFor,
      long metadataMaxEntries,
      long metadataMaxBytes,
      long artifactMaxBytes) {
    public Path artifactDir(Path dataDir) {
      return dataDir.resolve("cache").resolve("artifacts");
    }
  }

  /** How the gateway talks to upstreams. */
  public record Upstream(
      Duration connectTimeout, Duration readTimeout, int retries, long maxMetadataBytes, String userAgent) {}

  /**
   * Who may use the gateway. Tokens come from {@code tokensFile} (read when the gateway starts) and
   * from {@code TOLLGATE_AGENT_TOKENS} ({@code fromEnvironment}, already hashed). Anonymous access
   * is what {@code anonymousAllowed} says, or, when unset, allowed exactly while no token is configured.
   */
  public record Agents(Optional<Path> tokensFile, List<AgentToken> fromEnvironment,
      Optional<Boolean> anonymousAllowed, String anonymousProfile, Map<String, Profile> profiles) {
    public Agents {
      fromEnvironment = List.copyOf(fromEnvironment);
      profiles = Map.copyOf(profiles);
    }
  }

  /** One agent's token, kept only as its SHA-256 (lower-case hex), and the profile it maps to. */
  public record AgentToken(String name, String sha256, String profile) {}

  /**
   * How an agent's requests are decided: by which policy set, and whether refusals are enforced or
   * only logged as would-deny (to try a policy on some agents before it binds everyone).
   *
   * @param enforcement {@code ENFORCE}: the policy set's own enforcement applies; {@code AUDIT}: every
   *     refusal becomes would-deny for agents of this profile
   */
  public record Profile(String name, String policySet, Enforcement enforcement) {
    /** The profile and the policy set that exist without configuration. */
    public static final String DEFAULT = "default";

    public boolean audits() {
      return enforcement == Enforcement.AUDIT;
    }
  }

  /** The audit log's rotation, sinks and durability. */
  public record Audit(long maxBytes, Duration maxAge, int keep, boolean stdout, Fsync fsync, Duration fsyncInterval) {}

  /** When the audit log asks the operating system to put written lines on the disk. */
  public enum Fsync {
    /** Never explicitly: a line survives a crash of the gateway, the disk writes it when the system does. */
    NEVER,
    /** After every line: a line survives a crash of the machine too, at the cost of a disk sync per decision. */
    EVERY_LINE,
    /** Every {@code fsyncInterval}: at most that much is lost when the machine crashes. */
    INTERVAL
  }

  /**
   * The pinned Sigstore trusted roots (the shipped public-good root, plus private ones) that image
   * signatures are verified against, offline; merged in order.
   */
  public record Sigstore(List<Path> trustedRoots) {
    public Sigstore {
      trustedRoots = List.copyOf(trustedRoots);
    }
  }

  /** This configuration with {@code registry} as the npm upstream. */
  public GatewayConfig withNpmUpstream(URI registry) {
    return new GatewayConfig(configDir, dataDir, server, pypi, new Npm(Optional.of(registry), npm.privateRegistry()),
        policy, cache, upstream, admin, agents, audit, oci, sigstore);
  }

  public Path auditLog() {
    return dataDir.resolve("audit.log");
  }

  public Path artifactDir() {
    return cache.artifactDir(dataDir);
  }
}
