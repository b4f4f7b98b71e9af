package dev.tollgate.adapter.oci;

import dev.tollgate.adapter.oci.OciRequest.Blob;
import dev.tollgate.adapter.oci.OciRequest.Manifest;
import dev.tollgate.adapter.oci.OciRequest.NoUpstream;
import dev.tollgate.adapter.oci.OciRequest.Ping;
import dev.tollgate.adapter.oci.OciRequest.Referrers;
import dev.tollgate.adapter.oci.OciRequest.Rejected;
import dev.tollgate.adapter.oci.OciRequest.TagList;
import dev.tollgate.adapter.oci.OciRequest.Unsupported;
import dev.tollgate.adapter.url.PercentCoding;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Classifies raw request URIs under {@code /v2/} into {@link OciRequest}s: the distribution spec's
 * read endpoints, routed to an upstream by {@link UpstreamRouting}; hostile input (bad names,
 * {@code ..}, encoded {@code /}, bad digests, over-long names) rejected with a reason before
 * anything else looks at it.
 *
 * <p>The endpoint is recognised from the end of the path, since a repository name may itself hold
 * components such as {@code blobs} or {@code manifests}.
 */
public final class OciPaths {

  /** Longest raw URI accepted: a longest name, a sha512 digest and a query fit with room. */
  public static final int MAX_URI_LENGTH = 2048;

  private static final String PREFIX = "/v2/";
  private static final Pattern HOST =
      Pattern.compile(
          "(?:[A-Za-z0-9](?:[A-Za-z0-9.-]{0,253}[A-Za-z0-9])?|\\[[0-9A-Fa-f:.]{2,45}])(?::[0-9]{1,5})?");
  private static final Pattern COUNT = Pattern.compile("[0-9]{1,9}");

  private OciPaths() {}

  /**
   * Classifies {@code rawUri}, the request target as received (path, and query after {@code ?}),
   * e.g. {@code /v2/library/alpine/manifests/3.20?ns=docker.io}.
   */
  public static OciRequest parse(String rawUri, UpstreamRouting routing) {
    if (rawUri.length() > MAX_URI_LENGTH) {
      return new Rejected(OciErrorCode.NAME_INVALID, "request URI longer than " + MAX_URI_LENGTH + " characters");
    }
    int question = rawUri.indexOf('?');
    String rawPath = question < 0 ? rawUri : rawUri.substring(0, question);
    String rawQuery = question < 0 ? null : rawUri.substring(question + 1);
    if (rawPath.equals("/v2") || rawPath.equals(PREFIX)) {
      return new Ping();
    }
    if (!rawPath.startsWith(PREFIX)) {
      return new Rejected(OciErrorCode.NAME_INVALID, "OCI paths start with " + PREFIX);
    }
    List<String> segments = new ArrayList<>();
    for (String raw : rawPath.substring(PREFIX.length()).split("/", -1)) {
      try {
        segments.add(decodeSegment(raw));
      } catch (IllegalArgumentException e) {
        return new Rejected(OciErrorCode.NAME_INVALID, e.getMessage());
      }
    }
    if (isUpload(segments)) {
      return new Unsupported("pushes are not supported: this gateway serves pulls only");
    }
    for (String segment : segments) {
      if (segment.isEmpty()) {
        return new Rejected(OciErrorCode.NAME_INVALID, "empty path segment");
      }
      if (segment.equals(".") || segment.equals("..")) {
        return new Rejected(OciErrorCode.NAME_INVALID, "'.' or '..' segment in path");
      }
    }
    QueryParameters query;
    try {
      query = QueryParameters.parse(rawQuery);
    } catch (IllegalArgumentException e) {
      return new Rejected(OciErrorCode.UNSUPPORTED, "query: " + e.getMessage());
    }
    return endpoint(segments, query, routing);
  }

  private static String decodeSegment(String raw) {
    String segment = VisibleAscii.requireAll(PercentCoding.decode(raw));
    if (segment.indexOf('/') >= 0) {
      throw new IllegalArgumentException("percent-encoded '/' in path");
    }
    if (segment.indexOf('\\') >= 0) {
      throw new IllegalArgumentException("backslash in path");
    }
    return segment;
  }

  /** {@code <name>/blobs/uploads/} and {@code <name>/blobs/uploads/<session>}. */
  private static boolean isUpload(List<String> segments) {
    int n = segments.size();
    return n >= 3
        && (segments.get(n - 2).equals("blobs") && segments.get(n - 1).equals("uploads")
            || n >= 4 && segments.get(n - 3).equals("blobs") && segments.get(n - 2).equals("uploads"));
  }

  private static OciRequest endpoint(List<String> segments, QueryParameters query, UpstreamRouting routing) {
    int n = segments.size();
    if (n < 3) {
      return notAnEndpoint(segments);
    }
    String kind = segments.get(n - 2);
    String last = segments.get(n - 1);
    Function<RoutedRepository, OciRequest> request;
    try {
      request = switch (kind) {
        case "manifests" -> manifest(last);
        case "blobs" -> blob(last);
        case "referrers" -> referrers(last, query);
        case "tags" -> last.equals("list") ? tagList(query) : null;
        default -> null;
      };
    } catch (RejectedPart e) {
      return e.rejected;
    }
    if (request == null) {
      return notAnEndpoint(segments);
    }
    String name = String.join("/", segments.subList(0, n - 2));
    Optional<String> nameProblem = RepositoryNames.problem(name);
    if (nameProblem.isPresent()) {
      return new Rejected(OciErrorCode.NAME_INVALID, nameProblem.get());
    }
    Optional<String> namespace = query.get("ns");
    if (namespace.isPresent() && !HOST.matcher(namespace.get()).matches()) {
      return new Rejected(OciErrorCode.UNSUPPORTED, "ns must be a registry host[:port], not '" + namespace.get() + "'");
    }
    return routing
        .route(name, namespace)
        .map(request)
        .orElseGet(() -> new NoUpstream(noUpstreamReason(name, namespace)));
  }

  private static Unsupported notAnEndpoint(List<String> segments) {
    return new Unsupported(
        "/v2/" + String.join("/", segments) + " is not a registry endpoint this gateway serves;"
            + " it serves manifests, blobs, tags/list and referrers");
  }

  private static Function<RoutedRepository, OciRequest> manifest(String text) {
    Reference reference;
    try {
      reference = Reference.parse(text);
    } catch (IllegalArgumentException e) {
      throw reject(text.indexOf(':') >= 0 ? OciErrorCode.DIGEST_INVALID : OciErrorCode.NAME_INVALID,
          "manifest reference: " + e.getMessage());
    }
    return repository -> new Manifest(repository, reference);
  }

  private static Function<RoutedRepository, OciRequest> blob(String text) {
    Digest digest = digest(text, "blob");
    return repository -> new Blob(repository, digest);
  }

  private static Function<RoutedRepository, OciRequest> referrers(String text, QueryParameters query) {
    Digest subject = digest(text, "referrers subject");
    Optional<String> artifactType = query.get("artifactType");
    if (artifactType.isPresent() && !MediaTypeSyntax.isWellFormed(artifactType.get())) {
      throw reject(OciErrorCode.UNSUPPORTED, "artifactType must be a media type such as application/vnd.example+json");
    }
    return repository -> new Referrers(repository, subject, artifactType);
  }

  private static Function<RoutedRepository, OciRequest> tagList(QueryParameters query) {
    Optional<String> count = query.get("n");
    if (count.isPresent() && !COUNT.matcher(count.get()).matches()) {
      throw reject(OciErrorCode.UNSUPPORTED, "n must be a whole number from 0 to 999999999");
    }
    OptionalInt n = count.map(c -> OptionalInt.of(Integer.parseInt(c))).orElse(OptionalInt.empty());
    Optional<Tag> last;
    try {
      last = query.get("last").map(Tag::parse);
    } catch (IllegalArgumentException e) {
      throw reject(OciErrorCode.UNSUPPORTED, "last: " + e.getMessage());
    }
    return repository -> new TagList(repository, n, last);
  }

  private static Digest digest(String text, String what) {
    try {
      return Digest.parse(text);
    } catch (IllegalArgumentException e) {
      throw reject(OciErrorCode.DIGEST_INVALID, what + ": " + e.getMessage());
    }
  }

  private static String noUpstreamReason(String name, Optional<String> namespace) {
    return namespace
        .map(ns -> "registry '" + ns + "' is not mirrored by this gateway")
        .orElse("no upstream registry is configured for '" + name
            + "': start the name with an upstream's path prefix, or configure a default upstream");
  }

  private static RejectedPart reject(OciErrorCode code, String reason) {
    return new RejectedPart(new Rejected(code, reason));
  }

  /** Carries a rejection out of a part parser; never escapes this class. */
  private static final class RejectedPart extends RuntimeException {
    private final transient Rejected rejected;

    RejectedPart(Rejected rejected) {
      super(rejected.reason(), null, false, false);
      this.rejected = rejected;
    }
  }
}
