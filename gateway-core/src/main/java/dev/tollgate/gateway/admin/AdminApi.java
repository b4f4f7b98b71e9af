package dev.tollgate.gateway.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.gateway.config.GatewayConfig;
import dev.tollgate.gateway.config.Quantities;
import dev.tollgate.gateway.decisions.DecisionFilter;
import dev.tollgate.gateway.decisions.DecisionJournal;
import dev.tollgate.gateway.policy.PolicyHolder;
import dev.tollgate.gateway.policy.PolicyLoader;
import dev.tollgate.gateway.policy.PolicyReloader;
import dev.tollgate.gateway.policy.ReloadStatus;
import dev.tollgate.gateway.policy.edit.NewEntry;
import dev.tollgate.gateway.policy.edit.PolicyEditException;
import dev.tollgate.gateway.policy.edit.PolicyFiles;
import dev.tollgate.gateway.policy.edit.PolicyListing;
import dev.tollgate.policy.coordinates.Ecosystem;
import dev.tollgate.policy.coordinates.ImageCoordinates;
import dev.tollgate.policy.coordinates.PackageCoordinates;
import dev.tollgate.policy.decision.Decision;
import dev.tollgate.policy.engine.PolicyEngine;
import java.io.IOException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * The admin API's endpoints, apart from HTTP plumbing: policy lists (read, add, remove), {@code check},
 * recent decisions, reload and status. Every answer is JSON; every refusal is a 4xx with a sentence
 * saying what to change.
 */
final class AdminApi {

  static final int MAX_DECISIONS = 1000;
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final GatewayConfig.Policy policy;
  private final PolicyReloader reloader;
  private final PolicyFiles files;
  private final DecisionJournal journal;
  private final Clock clock;

  AdminApi(GatewayConfig.Policy policy, PolicyReloader reloader, DecisionJournal journal, Clock clock) {
    this.policy = policy;
    this.reloader = reloader;
    this.files = new PolicyFiles(policy, reloader);
    this.journal = journal;
    this.clock = clock;
  }

  AdminResponse handle(AdminRequest request) {
    List<String> s = request.segments();
    String resource = s.isEmpty() ? "" : s.get(0);
    try {
      return switch (resource) {
        case "status" -> only(request, "GET", s.size() == 1, () -> status(reloader.status()));
        case "reload" -> only(request, "POST", s.size() == 1, () -> status(reloader.reload()));
        case "check" -> only(request, "GET", s.size() == 1, () -> check(request));
        case "decisions" -> only(request, "GET", s.size() <= 2, () -> s.size() == 1 ? decisions(request) : decision(s.get(1)));
        case "lists" -> lists(request);
        default -> notFound();
      };
    } catch (BadRequest e) {
      return AdminResponse.error(400, e.getMessage());
    } catch (PolicyEditException e) {
      return AdminResponse.error(switch (e.kind()) {
        case INVALID -> 400;
        case NOT_FOUND -> 404;
        case DUPLICATE, UNEDITABLE -> 409;
        case STALE -> 412;
        case VERSION_MISSING -> 428;
      }, e.getMessage());
    }
  }

  private AdminResponse status(ReloadStatus status) {
    return AdminResponse.ok(AdminJson.status(status, PolicyLoader.directories(policy)));
  }

  private AdminResponse check(AdminRequest request) throws BadRequest {
    Ecosystem ecosystem = ecosystem(required(request, "ecosystem"));
    String name = required(request, "package");
    String set = request.param("set").orElse(PolicyHolder.DEFAULT_SET);
    Optional<String> version = request.param("version");
    try {
      PolicyEngine engine = reloader.policy().current(set);
      // An image's version is its tag, or a digest (which holds a ':').
      Decision decision = ecosystem == Ecosystem.OCI
          ? engine.decide(ImageCoordinates.parse(name + version.map(v -> (v.contains(":") ? "@" : ":") + v).orElse("")))
          : engine.decide(version.map(v -> PackageCoordinates.of(ecosystem, name, v))
              .orElseGet(() -> PackageCoordinates.of(ecosystem, name)));
      return AdminResponse.ok(AdminJson.decision(set, decision));
    } catch (IllegalArgumentException e) {
      throw new BadRequest(e.getMessage());
    }
  }

  private AdminResponse decisions(AdminRequest request) throws BadRequest {
    Optional<Instant> since = Optional.empty();
    if (request.param("since").isPresent()) {
      since = Optional.of(since(request.param("since").get()));
    }
    int limit = request.param("limit").map(AdminApi::number).orElse(100);
    if (limit < 1 || limit > MAX_DECISIONS) {
      throw new BadRequest("limit must be a number from 1 to " + MAX_DECISIONS);
    }
    boolean refusedOnly = request.param("denied").map(v -> v.equals("true") || v.equals("1")).orElse(false);
    DecisionFilter filter = new DecisionFilter(refusedOnly, request.param("agent"), request.param("package"), since);
    return AdminResponse.ok(AdminJson.decisions(journal.find(filter, limit)));
  }

  private AdminResponse decision(String id) throws BadRequest {
    if (!id.matches("[0-9A-Za-z]{1,64}")) {
      throw new BadRequest("'" + id + "' is not a decision id (the 'ref' a refused client was shown)");
    }
    try {
      return journal.byId(id).map(d -> AdminResponse.ok(AdminJson.recent(d)))
          .orElseGet(() -> AdminResponse.error(404, "no decision " + id + " in the journal or the audit log"));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the audit log: " + e.getMessage(), e);
    }
  }

  /** {@code /admin/lists/{ecosystem}/{allow|deny}[/{name}]}, with {@code ?set=} choosing the policy set. */
  private AdminResponse lists(AdminRequest request) throws BadRequest, PolicyEditException {
    List<String> s = request.segments();
    if (s.size() < 3) {
      return notFound();
    }
    Ecosystem ecosystem = ecosystem(s.get(1));
    String list = s.get(2);
    String set = request.param("set").orElse(PolicyHolder.DEFAULT_SET);
    String name = String.join("/", s.subList(3, s.size()));
    PolicyListing listing;
    int status = 200;
    if (name.isEmpty() && request.method().equals("GET")) {
      listing = files.list(set, ecosystem, list);
    } else if (name.isEmpty() && request.method().equals("POST")) {
      listing = files.add(set, ecosystem, list, entry(request.body()), request.ifMatch());
      status = 201;
    } else if (!name.isEmpty() && request.method().equals("DELETE")) {
      listing = files.remove(set, ecosystem, list, name, request.ifMatch());
    } else {
      return AdminResponse.error(405, name.isEmpty() ? "a list takes GET and POST" : "an entry takes DELETE");
    }
    return new AdminResponse(status, AdminJson.listing(set, ecosystem.id(), list, listing), Optional.of(listing.etag()));
  }

  private static NewEntry entry(String body) throws BadRequest {
    EntryBody parsed;
    try {
      parsed = JSON.readValue(body, EntryBody.class);
    } catch (JsonProcessingException e) {
      throw new BadRequest("the body must be a JSON object {\"name\", \"version\", \"note\", \"expires\"}: "
          + e.getOriginalMessage().lines().findFirst().orElse(""));
    }
    if (parsed == null || parsed.name() == null || parsed.name().isBlank()) {
      throw new BadRequest("an entry needs a name");
    }
    return new NewEntry(parsed.name(), Optional.ofNullable(parsed.version()), Optional.ofNullable(parsed.note()),
        Optional.ofNullable(parsed.expires()));
  }

  /** A duration back from now ({@code 30m}, {@code 1h}, {@code 2d}) or an ISO-8601 instant. */
  private Instant since(String text) throws BadRequest {
    try {
      return clock.instant().minus(Quantities.duration(text));
    } catch (IllegalArgumentException | ArithmeticException | DateTimeException notADuration) {
      try {
        return Instant.parse(text);
      } catch (DateTimeParseException notATime) {
        throw new BadRequest("since must be a duration back from now (30m, 1h, 2d) or a time"
            + " (2026-03-01T12:00:00Z), not '" + text + "'");
      }
    }
  }

  private static int number(String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static Ecosystem ecosystem(String id) throws BadRequest {
    try {
      return Ecosystem.fromId(id);
    } catch (IllegalArgumentException e) {
      throw new BadRequest(e.getMessage());
    }
  }

  private static String required(AdminRequest request, String name) throws BadRequest {
    return request.param(name).orElseThrow(() -> new BadRequest("query parameter '" + name + "' is required"));
  }

  private static AdminResponse notFound() {
    return AdminResponse.error(404, "no such admin endpoint (see the README: status, reload, check, decisions, lists)");
  }

  private static AdminResponse only(AdminRequest request, String method, boolean shapeFits, Endpoint endpoint)
      throws BadRequest, PolicyEditException {
    if (!shapeFits) {
      return notFound();
    }
    if (!request.method().equals(method)) {
      return AdminResponse.error(405, "this endpoint takes " + method);
    }
    return endpoint.answer();
  }

  /** One endpoint's work, once the path and method fit. */
  private interface Endpoint {
    AdminResponse answer() throws BadRequest, PolicyEditException;
  }

  /** The body of an entry to add. */
  record EntryBody(String name, String version, String note, String expires) {}

  /** A request the API cannot act on; answered 400 with the message. */
  private static final class BadRequest extends Exception {
    private static final long serialVersionUID = 1L;

    BadRequest(String message) {
      super(message);
    }
  }
}
