package dev.tollgate.gateway.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code tollgate decisions [--denied] [--since 1h] [--agent A] [--package P] [--limit N]}: the
 * gateway's recent decisions, newest first, one a line with the id that {@code allow from-decision}
 * takes.
 */
public final class DecisionsCommand {

  private static final Set<String> OPTIONS = ListCommand.with(AdminClient.OPTIONS, "--since", "--agent", "--package",
      "--limit");

  private DecisionsCommand() {}

  public static int run(List<String> args, PrintStream out, Map<String, String> env) throws Exception {
    Options options = Options.parse(args, OPTIONS, Set.of("--denied"));
    if (!options.positional().isEmpty()) {
      throw new UsageException("decisions takes only options: [--denied] [--since 1h] [--agent A] [--package P]");
    }
    StringBuilder query = new StringBuilder("decisions?denied=").append(options.has("--denied"));
    for (String name : List.of("since", "agent", "package", "limit")) {
      options.get("--" + name).ifPresent(v -> query.append('&').append(name).append('=').append(AdminClient.encode(v)));
    }
    JsonNode found = AdminClient.from(options, env).get(query.toString()).path("decisions");
    for (JsonNode d : found) {
      out.println(d.path("time").asText() + "  " + d.path("id").asText() + "  " + d.path("verdict").asText() + "  "
          + d.path("ecosystem").asText() + " " + d.path("package").asText()
          + (d.hasNonNull("version") ? " " + d.path("version").asText() : "")
          + (d.hasNonNull("agent") ? "  agent " + d.path("agent").asText() : "")
          + "  from " + d.path("client").asText()
          + "  " + d.path("reasons").path(0).path("message").asText(""));
    }
    if (found.isEmpty()) {
      out.println("no decisions match");
    }
    return 0;
  }
}
