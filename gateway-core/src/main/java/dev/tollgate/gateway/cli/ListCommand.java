package dev.tollgate.gateway.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code tollgate allow|deny add|remove|list ...} and {@code tollgate allow from-decision ID}: edits a
 * policy list through the admin API. Each edit reads the list's ETag and sends it back as
 * {@code If-Match}; when another edit came in between (412), it reads again and retries, a few times.
 */
public final class ListCommand {

  private static final int ATTEMPTS = 5;
  private static final Set<String> OPTIONS = with(AdminClient.OPTIONS, "--note", "--expires", "--set");

  private ListCommand() {}

  public static int run(String list, List<String> args, PrintStream out, Map<String, String> env) throws Exception {
    Options options = Options.parse(args, OPTIONS);
    List<String> words = options.positional();
    String action = words.isEmpty() ? "" : words.get(0);
    String set = options.get("--set").orElse("default");
    switch (action) {
      case "add" -> {
        expect(words.size() == 3 || words.size() == 4, list + " add ECOSYSTEM NAME [VERSION-CONSTRAINT]");
        ObjectNode entry = entry(words.get(2), words.size() == 4 ? Optional.of(words.get(3)) : Optional.empty(),
            options.get("--note"), options.get("--expires"));
        JsonNode listing = edit(AdminClient.from(options, env), set, words.get(1), list, "POST", "", entry);
        printAdded(listing, words.get(2), out);
      }
      case "remove" -> {
        expect(words.size() == 3, list + " remove ECOSYSTEM NAME");
        JsonNode listing = edit(AdminClient.from(options, env), set, words.get(1), list, "DELETE",
            "/" + AdminClient.encode(words.get(2)), null);
        out.println("removed from the " + describe(listing) + ": " + words.get(2));
      }
      case "list" -> {
        expect(words.size() == 2, list + " list ECOSYSTEM");
        JsonNode listing = AdminClient.from(options, env).get(listPath(set, words.get(1), list, ""));
        out.println(describe(listing) + " (ETag " + listing.path("etag").asText() + ")");
        listing.path("entries").forEach(e -> out.println("  " + line(e)));
      }
      case "from-decision" -> {
        expect("allow".equals(list) && words.size() == 2, "allow from-decision ID");
        return fromDecision(AdminClient.from(options, env), words.get(1), set, options.get("--note"), out);
      }
      default -> throw new UsageException(list + " takes add, remove or list"
          + ("allow".equals(list) ? " or from-decision" : "") + ", not '" + action + "'");
    }
    return 0;
  }

  /** Turns a refusal into an allow-list entry for that package (pinned to the refused version), and prints it. */
  private static int fromDecision(AdminClient admin, String id, String set, Optional<String> note, PrintStream out)
      throws Exception {
    JsonNode decision = admin.get("decisions/" + AdminClient.encode(id));
    String verdict = decision.path("verdict").asText();
    String why = decision.path("reasons").path(0).path("message").asText("");
    if ("allow".equals(verdict)) {
      out.println("decision " + id + " allowed " + decision.path("package").asText() + "; nothing to add");
      return 1;
    }
    String ecosystem = decision.path("ecosystem").asText();
    String name = decision.path("package").asText();
    Optional<String> version = Optional.ofNullable(decision.path("version").textValue())
        .map(v -> "pypi".equals(ecosystem) ? "==" + v : v);
    ObjectNode entry = entry(name, version, Optional.of(note.orElse("from decision " + id + ": " + why)),
        Optional.empty());
    JsonNode listing = edit(admin, set, ecosystem, "allow", "POST", "", entry);
    out.println("decision " + id + " (" + verdict + "): " + why);
    printAdded(listing, name, out);
    return 0;
  }

  private static JsonNode edit(AdminClient admin, String set, String ecosystem, String list, String method,
      String entryPath, JsonNode body) throws Exception {
    String path = listPath(set, ecosystem, list, "");
    for (int attempt = 1; ; attempt++) {
      AdminClient.Reply current = admin.send("GET", path, Optional.empty(), null);
      AdminClient.succeeded(current);
      AdminClient.Reply reply = admin.send(method, listPath(set, ecosystem, list, entryPath), current.etag(), body);
      if (reply.status() != 412 || attempt == ATTEMPTS) {
        return AdminClient.succeeded(reply);
      }
    }
  }

  private static String listPath(String set, String ecosystem, String list, String entryPath) {
    return "lists/" + AdminClient.encode(ecosystem) + "/" + list + entryPath + "?set=" + AdminClient.encode(set);
  }

  private static ObjectNode entry(String name, Optional<String> version, Optional<String> note,
      Optional<String> expires) {
    ObjectNode entry = JsonNodeFactory.instance.objectNode().put("name", name);
    version.ifPresent(v -> entry.put("version", v));
    note.ifPresent(n -> entry.put("note", n));
    expires.ifPresent(e -> entry.put("expires", e));
    return entry;
  }

  private static void printAdded(JsonNode listing, String name, PrintStream out) {
    JsonNode added = listing.path("entries").get(listing.path("entries").size() - 1);
    out.println("added to the " + describe(listing) + ": " + (added == null ? name : line(added)));
    if (listing.hasNonNull("reloadError")) {
      out.println("but the policy was not reloaded: " + listing.path("reloadError").asText());
    }
  }

  private static String describe(JsonNode listing) {
    return listing.path("ecosystem").asText() + " " + listing.path("list").asText() + "-list of policy set '"
        + listing.path("set").asText() + "'";
  }

  private static String line(JsonNode entry) {
    StringBuilder line = new StringBuilder(entry.path("name").asText()).append(' ').append(entry.path("version").asText());
    if (entry.hasNonNull("expires")) {
      line.append(" until ").append(entry.path("expires").asText());
    }
    if (!entry.path("note").asText("").isEmpty()) {
      line.append(" - ").append(entry.path("note").asText());
    }
    return line.append(" (line ").append(entry.path("line").asInt()).append(')').toString();
  }

  private static void expect(boolean fits, String usage) throws UsageException {
    if (!fits) {
      throw new UsageException("usage: tollgate " + usage);
    }
  }

  static Set<String> with(Set<String> base, String... more) {
    Set<String> all = new HashSet<>(base);
    all.addAll(List.of(more));
    return Set.copyOf(all);
  }
}
