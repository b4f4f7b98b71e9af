package dev.tollgate.gateway.policy;

import dev.tollgate.gateway.config.ConfigException;
import dev.tollgate.gateway.config.GatewayConfig;
import dev.tollgate.gateway.signature.SignaturePolicyLoader;
import dev.tollgate.policy.engine.PolicyEngine;
import dev.tollgate.policy.signature.SignaturePolicy;
import dev.tollgate.policy.typosquat.ProtectedNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Instant;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Keeps the policy in force in step with the files: every policy-set directory and the popular-name
 * directory are checked every {@link #CHECK_INTERVAL}, and a change is loaded once the files have
 * stood still for one check (editors that save through a temporary file and a rename, and
 * {@code git checkout}s touching several files, are loaded once, whole). Every file of every set is
 * validated before anything replaces the policy in force; an invalid edit is rejected whole, logged
 * with its file, line and field, and kept in {@link #status()} until a later reload succeeds.
 *
 * <p>The files are compared by size, modification time and file identity rather than through a
 * directory watch, because a watch misses what deployments do to configuration: directories
 * replaced through a symlink swap, files bind-mounted or replaced over NFS.
 */
public final class PolicyReloader implements AutoCloseable {

  /** How often the files are checked; a change is in force within two of these plus the load time. */
  public static final Duration CHECK_INTERVAL = Duration.ofMillis(250);

  private static final Logger LOG = Logger.getLogger(PolicyReloader.class.getName());

  private final GatewayConfig config;
  private final PolicyHolder holder;
  private final Clock clock;
  private final ScheduledExecutorService checker;
  private final Object reloading = new Object();

  private Map<Path, String> inForce;
  private Map<Path, String> popularFiles;
  private ProtectedNames popular;
  private Map<Path, String> lastSeen;
  private final boolean signaturesRequired;
  private long reloads;
  private long reloadErrors;
  private Optional<String> lastError = Optional.empty();
  private Optional<Instant> lastErrorAt = Optional.empty();
  private Instant lastSuccess;

  private PolicyReloader(GatewayConfig config, PolicyHolder holder, Clock clock, Map<Path, String> inForce,
      ProtectedNames popular) {
    this.config = config;
    this.holder = holder;
    this.clock = clock;
    this.inForce = inForce;
    this.popular = popular;
    this.popularFiles = popularSubset(inForce);
    this.lastSeen = inForce;
    this.lastSuccess = clock.instant();
    this.signaturesRequired = Files.exists(config.policy().directory().resolve(SignaturePolicyLoader.FILE_NAME));
    this.checker = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "tollgate-policy-reload");
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * Loads every policy set (failing when a file is invalid: a gateway does not start without a valid
   * policy) and starts watching the files.
   */
  public static PolicyReloader start(GatewayConfig config, Clock clock) throws ConfigException {
    Map<Path, String> files = fingerprint(watchedDirectories(config));
    ProtectedNames popular = PopularNamesLoader.load(config.policy().popularDirectory());
    PolicyHolder holder = new PolicyHolder(PolicyLoader.loadSets(config, popular, clock),
        SignaturePolicyLoader.load(config.policy().directory()));
    PolicyReloader reloader = new PolicyReloader(config, holder, clock, files, popular);
    long interval = CHECK_INTERVAL.toMillis();
    reloader.checker.scheduleWithFixedDelay(reloader::check, interval, interval, TimeUnit.MILLISECONDS);
    return reloader;
  }

  /** The policy sets in force, kept current by this reloader. */
  public PolicyHolder policy() {
    return holder;
  }

  /** Loads the files now (the admin API's reload, and every admin edit); the result is also in {@link #status()}. */
  public ReloadStatus reload() {
    synchronized (reloading) {
      Map<Path, String> files = fingerprint(watchedDirectories(config));
      lastSeen = files;
      apply(files);
      return status();
    }
  }

  /** The counters and the last error; a consistent snapshot. */
  public ReloadStatus status() {
    synchronized (reloading) {
      return new ReloadStatus(reloads, reloadErrors, lastError, lastErrorAt, lastSuccess);
    }
  }

  private void check() {
    try {
      synchronized (reloading) {
        Map<Path, String> files = fingerprint(watchedDirectories(config));
        boolean settled = files.equals(lastSeen);
        lastSeen = files;
        if (settled && !files.equals(inForce)) {
          apply(files);
        }
      }
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "checking the policy files failed", e);
    }
  }

  private void apply(Map<Path, String> files) {
    inForce = files;
    long started = System.nanoTime();
    try {
      Map<String, PolicyEngine> engines = PolicyLoader.loadSets(config, popularNames(files), clock);
      holder.replaceAll(engines, signaturePolicy());
      reloads++;
      lastSuccess = clock.instant();
      lastError = Optional.empty();
      lastErrorAt = Optional.empty();
      LOG.info("policy reloaded in " + (System.nanoTime() - started) / 1_000_000 + " ms: sets "
          + new TreeSet<>(engines.keySet()));
    } catch (ConfigException e) {
      reloadErrors++;
      lastError = Optional.of(e.getMessage());
      lastErrorAt = Optional.of(clock.instant());
      LOG.severe("policy reload rejected, the policy in force stays: " + e.getMessage());
    }
  }

  /**
   * The signature policy in {@code signatures.yaml}. A gateway that started with that file keeps
   * enforcing it: deleting the file is refused like any invalid edit, since it would let unsigned
   * images through without anyone having written that down.
   */
  private SignaturePolicy signaturePolicy() throws ConfigException {
    Path file = config.policy().directory().resolve(SignaturePolicyLoader.FILE_NAME);
    if (signaturesRequired && !Files.exists(file)) {
      throw new ConfigException(file + ": removed, but the gateway enforces image signatures since it started with"
          + " it; restore it (`unmatched: allow` with no rules requires nothing), or restart without it");
    }
    return SignaturePolicyLoader.load(config.policy().directory());
  }

  /** The popular names, read again only when their files changed (reading them is half a reload's time). */
  private ProtectedNames popularNames(Map<Path, String> files) throws ConfigException {
    Map<Path, String> current = popularSubset(files);
    if (!current.equals(popularFiles)) {
      popular = PopularNamesLoader.load(config.policy().popularDirectory());
      popularFiles = current;
    }
    return popular;
  }

  private Map<Path, String> popularSubset(Map<Path, String> files) {
    Path directory = config.policy().popularDirectory();
    Map<Path, String> subset = new TreeMap<>();
    files.forEach((file, print) -> {
      if (file.getParent().equals(directory)) {
        subset.put(file, print);
      }
    });
    return subset;
  }

  private static Set<Path> watchedDirectories(GatewayConfig config) {
    Set<Path> directories = new TreeSet<>(PolicyLoader.directories(config.policy()).values());
    directories.add(config.policy().popularDirectory());
    return directories;
  }

  /** Size, modification time and identity of each policy and popular-name file ({@code *.yaml}, {@code *.txt}). */
  private static Map<Path, String> fingerprint(Set<Path> directories) {
    Map<Path, String> files = new TreeMap<>();
    for (Path directory : directories) {
      for (Path file : listed(directory)) {
        String name = file.getFileName().toString();
        if (name.startsWith(".") || !(name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".txt"))) {
          continue;
        }
        try {
          BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
          files.put(file, a.size() + "/" + a.lastModifiedTime().toInstant() + "/" + a.fileKey());
        } catch (IOException e) {
          files.put(file, "unreadable");
        }
      }
    }
    return files;
  }

  private static List<Path> listed(Path directory) {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(directory)) {
      return entries.toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  /** Stops watching; the policy in force stays. */
  @Override
  public void close() {
    checker.shutdownNow();
  }
}
