package dev.tollgate.gateway.cli;

import dev.tollgate.gateway.Gateway;
import dev.tollgate.gateway.config.ConfigLoader;
import dev.tollgate.gateway.config.GatewayConfig;
import dev.tollgate.gateway.config.NpmUserConfig;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/** {@code tollgate serve}: runs the gateway until the process is stopped. */
public final class ServeCommand {

  private ServeCommand() {}

  public static int run(List<String> args, PrintStream out) throws Exception {
    Options options = Options.parse(args, Set.of("--config", "--port"));
    if (!options.positional().isEmpty()) {
      throw new UsageException("serve takes no arguments besides its options");
    }
    Map<String, String> env = new HashMap<>(System.getenv());
    options.get("--port").ifPresent(p -> env.put("TOLLGATE_PORT", p));
    GatewayConfig loaded = ConfigLoader.load(Path.of(options.get("--config").orElse("conf")), env);
    GatewayConfig config = loaded.npm().upstream().isPresent()
        ? loaded
        : NpmUserConfig.registry().map(loaded::withNpmUpstream).orElse(loaded);
    Gateway gateway = Gateway.start(config);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      gateway.close();
      stopped.countDown();
    }, "tollgate-shutdown"));
    String base = "http://" + config.server().host() + ":" + gateway.port();
    out.println("Tollgate listening on " + base);
    out.println("  pip:   pip install --index-url " + base + "/pypi/simple/ PACKAGE");
    config.npm().upstream().ifPresent(npm -> out.println("  npm:   npm install --registry " + base + "/npm/ PACKAGE"));
    out.println("  PyPI upstream: " + config.pypi().upstream());
    out.println("  npm upstream:  " + config.npm().upstream().map(URI::toString)
        .orElse("none (set TOLLGATE_NPM_UPSTREAM or configure npm)"));
    config.oci().upstreams().forEach(oci -> out.println("  OCI upstream: " + oci.key() + " at " + oci.url()
        + oci.pathPrefix().map(prefix -> " (also /v2/" + prefix + "/...)").orElse("")
        + (config.oci().defaultKey().filter(oci.key()::equals).isPresent() ? " (default; mirror at " + base + ")" : "")));
    out.println("  policy: " + config.policy().directory() + " (" + config.policy().mode().name().toLowerCase()
        + ", " + config.policy().enforcement().name().toLowerCase() + ")");
    out.println("  audit log: " + config.auditLog());
    out.println("  admin API: http://" + config.admin().host() + ":" + gateway.adminPort() + "/admin/");
    out.flush();
    stopped.await();
    return 0;
  }
}
