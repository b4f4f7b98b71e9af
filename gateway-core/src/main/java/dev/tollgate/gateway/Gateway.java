package dev.tollgate.gateway;

import dev.tollgate.gateway.admin.AdminServer;
import dev.tollgate.gateway.admin.AdminTokens;
import dev.tollgate.gateway.agent.AgentDirectory;
import dev.tollgate.gateway.agent.AgentPolicies;
import dev.tollgate.gateway.artifact.ArtifactDelivery;
import dev.tollgate.gateway.audit.AuditLog;
import dev.tollgate.gateway.audit.DecisionRecorder;
import dev.tollgate.gateway.cache.ArtifactStore;
import dev.tollgate.gateway.config.GatewayConfig;
import dev.tollgate.gateway.decisions.DecisionJournal;
import dev.tollgate.gateway.metrics.GatewayMetrics;
import dev.tollgate.gateway.metrics.MetricsRegistry;
import dev.tollgate.gateway.npm.NpmRoute;
import dev.tollgate.gateway.oci.OciRoute;
import dev.tollgate.gateway.policy.PolicyHolder;
import dev.tollgate.gateway.policy.PolicyReloader;
import dev.tollgate.gateway.pypi.PypiRoute;
import dev.tollgate.gateway.server.GatewayServer;
import dev.tollgate.gateway.server.HealthRoute;
import dev.tollgate.gateway.server.MetricsRoute;
import dev.tollgate.gateway.server.Route;
import dev.tollgate.gateway.signature.ImageSignatures;
import dev.tollgate.gateway.upstream.UpstreamClient;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * A running gateway: wires every component by hand, in dependency order, and closes them in
 * reverse. This is the only place that knows how the pieces fit together.
 */
public final class Gateway implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(Gateway.class.getName());

  /** Decisions kept in memory for the admin API; older ones are found in the audit log. */
  private static final int JOURNAL_SIZE = 10_000;

  private final ExecutorService workers;
  private final AuditLog audit;
  private final GatewayServer server;
  private final PolicyReloader reloader;
  private final AdminServer admin;
  private final GatewayMetrics metrics;

  private Gateway(ExecutorService workers, AuditLog audit, GatewayServer server, PolicyReloader reloader,
      AdminServer admin, GatewayMetrics metrics) {
    this.workers = workers;
    this.audit = audit;
    this.server = server;
    this.reloader = reloader;
    this.admin = admin;
    this.metrics = metrics;
  }

  /** Loads the policy, opens the caches and the audit log, and starts listening. */
  public static Gateway start(GatewayConfig config) throws Exception {
    Clock clock = Clock.systemUTC();
    PolicyReloader reloader = PolicyReloader.start(config, clock);
    PolicyHolder policy = reloader.policy();
    AgentDirectory agents = AgentDirectory.load(config.agents(), AgentPolicies.policySets(config));
    GatewayMetrics metrics = new GatewayMetrics(new MetricsRegistry());
    metrics.registry().counterFrom("tollgate_policy_reloads_total", "Policy reloads put in force",
        () -> reloader.status().reloads());
    metrics.registry().counterFrom("tollgate_policy_reload_errors_total",
        "Policy edits rejected as invalid (the previous policy stayed in force)", () -> reloader.status().reloadErrors());
    ExecutorService workers = newWorkers();
    AuditLog audit = null;
    GatewayServer server = null;
    try {
      audit = AuditLog.open(config.auditLog(), config.audit(), clock);
      ArtifactStore artifacts = ArtifactStore.open(config.artifactDir(), config.cache().artifactMaxBytes(), clock);
      UpstreamClient upstream = new UpstreamClient(config.upstream(), workers, metrics);
      DecisionRecorder decisions = new DecisionRecorder(audit, metrics);
      DecisionJournal journal = new DecisionJournal(JOURNAL_SIZE, config.auditLog());
      decisions.addListener(journal);
      List<Route> adminRoutes = new ArrayList<>(List.of(new MetricsRoute(metrics.registry())));
      ArtifactDelivery delivery = new ArtifactDelivery(upstream, artifacts, decisions);
      List<Route> routes = new ArrayList<>(List.of(HealthRoute.liveness(), HealthRoute.readiness(() -> true),
          new PypiRoute(config, policy, upstream, decisions, delivery, workers)));
      Optional<URI> npmRegistry = config.npm().upstream();
      if (npmRegistry.isPresent()) {
        routes.add(new NpmRoute(config, npmRegistry.get(), policy, upstream, decisions, delivery, workers));
      } else {
        LOG.warning("npm: no upstream registry (set npm.upstream or TOLLGATE_NPM_UPSTREAM, or configure npm);"
            + " /npm/ is not served");
      }
      if (!config.oci().upstreams().isEmpty()) {
        routes.add(new OciRoute(config, policy, ImageSignatures.load(config, policy::signatures), upstream, decisions,
            delivery, workers));
      }
      server = GatewayServer.start(config.server(), routes, agents, metrics);
      AdminServer admin = AdminServer.start(config, AdminTokens.load(config.admin().tokensFile(), System.getenv()),
          reloader, journal, adminRoutes, clock);
      return new Gateway(workers, audit, server, reloader, admin, metrics);
    } catch (Exception | Error e) {
      reloader.close();
      if (server != null) {
        server.close();
      }
      if (audit != null) {
        audit.close();
      }
      workers.shutdownNow();
      throw e;
    }
  }

  /** The port the gateway listens on. */
  public int port() {
    return server.port();
  }

  /** The port the admin API listens on. */
  public int adminPort() {
    return admin.port();
  }

  /** The gateway's metrics, served on the admin port at {@code /metrics}. */
  public MetricsRegistry metrics() {
    return metrics.registry();
  }

  /** Stops accepting, finishes what runs (within the grace period), then flushes the audit log. */
  @Override
  public void close() {
    admin.close();
    reloader.close();
    server.close();
    workers.shutdown();
    try {
      workers.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    audit.close();
  }

  /** A bounded pool for upstream I/O callbacks and CPU work (parsing, filtering, disk), never the event loop. */
  private static ExecutorService newWorkers() {
    int threads = Math.max(4, Runtime.getRuntime().availableProcessors() * 2);
    AtomicInteger count = new AtomicInteger();
    ThreadFactory factory = r -> {
      Thread t = new Thread(r, "tollgate-worker-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
    return new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), factory);
  }
}
