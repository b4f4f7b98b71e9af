package dev.tollgate.gateway.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code tollgate status} and {@code tollgate reload}: the policy's state (ok, or degraded by an
 * invalid edit, with the error), after reloading the files first for {@code reload}. Exit status 0
 * when the files on disk are the policy in force, 1 when they are not.
 */
public final class AdminCommand {

  private AdminCommand() {}

  public static int run(String command, List<String> args, PrintStream out, Map<String, String> env) throws Exception {
    Options options = Options.parse(args, AdminClient.OPTIONS);
    if (!options.positional().isEmpty()) {
      throw new UsageException(command + " takes only --admin-url and --token");
    }
    AdminClient admin = AdminClient.from(options, env);
    JsonNode status = "reload".equals(command)
        ? AdminClient.succeeded(admin.send("POST", "reload", Optional.empty(), null))
        : admin.get("status");
    boolean ok = "ok".equals(status.path("state").asText());
    out.println("policy: " + status.path("state").asText()
        + (ok ? "" : " (the gateway serves with the last valid policy)"));
    out.println("  in force since " + status.path("lastSuccess").asText() + "; reloads "
        + status.path("reloads").asLong() + ", rejected " + status.path("reloadErrors").asLong());
    if (status.hasNonNull("lastError")) {
      out.println("  rejected at " + status.path("lastErrorAt").asText() + ": " + status.path("lastError").asText());
    }
    status.path("policySets").fields().forEachRemaining(set ->
        out.println("  set " + set.getKey() + ": " + set.getValue().asText()));
    return ok ? 0 : 1;
  }
}
