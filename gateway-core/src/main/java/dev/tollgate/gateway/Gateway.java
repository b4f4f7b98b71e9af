package dev.tollgate.gateway;

import dev.tollgate.gateway.artifact.ArtifactDelivery;
import dev.tollgate.gateway.audit.AuditLog;
import dev.tollgate.gateway.audit.DecisionRecorder;
import dev.tollgate.gateway.cache.ArtifactStore;
import dev.tollgate.gateway.config.GatewayConfig;
import dev.tollgate.gateway.npm.NpmRoute;
import dev.tollgate.gateway.oci.OciRoute;
import dev.tollgate.gateway.policy.PolicyHolder;
import dev.tollgate.gateway.policy.PolicyLoader;
import dev.tollgate.gateway.pypi.PypiRoute;
import dev.tollgate.gateway.server.GatewayServer;
import dev.tollgate.gateway.server.HealthRoute;
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

  private final ExecutorService workers;
  private final AuditLog audit;
  private final GatewayServer server;

  private Gateway(ExecutorService workers, AuditLog audit, GatewayServer server) {
    this.workers = workers;
    this.audit = audit;
    this.server = server;
  }

  /** Loads the policy, opens the caches and the audit log, and starts listening. */
  public static Gateway start(GatewayConfig config) throws Exception {
    Clock clock = Clock.systemUTC();
    PolicyHolder policy = new PolicyHolder(PolicyLoader.load(config, clock));
    ExecutorService workers = newWorkers();
    AuditLog audit = null;
    try {
      audit = AuditLog.open(config.auditLog());
      ArtifactStore artifacts = ArtifactStore.open(config.artifactDir(), config.cache().artifactMaxBytes(), clock);
      UpstreamClient upstream = new UpstreamClient(config.upstream(), workers);
      DecisionRecorder decisions = new DecisionRecorder(audit);
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
        routes.add(new OciRoute(config, policy, ImageSignatures.load(config), upstream, decisions, delivery, workers));
      }
      GatewayServer server = GatewayServer.start(config.server(), routes);
      return new Gateway(workers, audit, server);
    } catch (Exception | Error e) {
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

  /** Stops accepting, finishes what runs (within the grace period), then flushes the audit log. */
  @Override
  public void close() {
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
