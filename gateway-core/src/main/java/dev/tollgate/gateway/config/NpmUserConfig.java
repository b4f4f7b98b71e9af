package dev.tollgate.gateway.config;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The npm registry the user's own npm configuration names ({@code npm config get registry}), the
 * default upstream when Tollgate's configuration names none: the gateway then fronts whatever
 * registry the machine already uses, and no registry host is written into Tollgate.
 */
public final class NpmUserConfig {

  private static final Logger LOG = Logger.getLogger(NpmUserConfig.class.getName());
  private static final long TIMEOUT_SECONDS = 20;

  private NpmUserConfig() {}

  /** The configured registry, or empty when npm is not installed or does not answer in time. */
  public static Optional<URI> registry() {
    try {
      Process npm = new ProcessBuilder("npm", "config", "get", "registry")
          .redirectError(ProcessBuilder.Redirect.DISCARD)
          .start();
      npm.getOutputStream().close();
      if (!npm.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        npm.destroyForcibly();
        LOG.warning("'npm config get registry' did not answer within " + TIMEOUT_SECONDS + " s");
        return Optional.empty();
      }
      String text = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (npm.exitValue() != 0 || !(text.startsWith("https://") || text.startsWith("http://"))) {
        return Optional.empty();
      }
      return Optional.of(URI.create(text.endsWith("/") ? text : text + "/"));
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
