package dev.tollgate.adapter.oci;

import dev.tollgate.policy.coordinates.ImageCoordinates;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a request under {@code /v2/} asks for, decided once from the raw URI by {@link OciPaths} so
 * that routing, policy and the audit log work on checked, typed values and never on strings. The
 * read endpoints of distribution-spec v1.1 carry the {@link RoutedRepository} they go to and the
 * exact path to ask that upstream for.
 *
 * <p>Parsing looks at the URI only: a route serving these must still refuse methods other than GET
 * and HEAD (pushes and deletes use the same paths) with {@link OciErrorCode#UNSUPPORTED}.
 */
public sealed interface OciRequest {

  /** A request about one repository of one upstream. */
  sealed interface RepositoryRequest extends OciRequest {

    /** The upstream and the repository names, as routed. */
    RoutedRepository repository();

    /** The path, with its query if any, to request from the upstream registry's base URL. */
    String upstreamPath();

    /**
     * What policy decides on: the upstream's registry and repository, and for a manifest the tag
     * or digest pulled. Blobs, tag lists and referrers name the repository only; a blob is served
     * on the strength of a manifest that passed policy and references it.
     */
    default ImageCoordinates image() {
      return ImageCoordinates.repository(repository().upstream(), repository().repository());
    }
  }

  /** {@code /v2/}: the API version check every client makes first. */
  record Ping() implements OciRequest {}

  /** {@code /v2/<name>/manifests/<tag or digest>}. */
  record Manifest(RoutedRepository repository, Reference reference) implements RepositoryRequest {
    public Manifest {
      Objects.requireNonNull(repository, "repository");
      Objects.requireNonNull(reference, "reference");
    }

    @Override
    public String upstreamPath() {
      return base(repository) + "/manifests/" + reference.text();
    }

    @Override
    public ImageCoordinates image() {
      String registry = repository.upstream();
      String name = repository.repository();
      return reference instanceof Digest digest
          ? ImageCoordinates.byDigest(registry, name, digest.text())
          : ImageCoordinates.byTag(registry, name, reference.text());
    }
  }

  /** {@code /v2/<name>/blobs/<digest>}: a layer or config, whose bytes must hash to {@code digest}. */
  record Blob(RoutedRepository repository, Digest digest) implements RepositoryRequest {
    public Blob {
      Objects.requireNonNull(repository, "repository");
      Objects.requireNonNull(digest, "digest");
    }

    @Override
    public String upstreamPath() {
      return base(repository) + "/blobs/" + digest.text();
    }
  }

  /**
   * {@code /v2/<name>/tags/list[?n=<count>&last=<tag>]}: {@code n} is 0 or more, {@code last} a
   * valid tag.
   */
  record TagList(RoutedRepository repository, OptionalInt n, Optional<Tag> last)
      implements RepositoryRequest {
    public TagList {
      Objects.requireNonNull(repository, "repository");
      Objects.requireNonNull(n, "n");
      Objects.requireNonNull(last, "last");
    }

    @Override
    public String upstreamPath() {
      List<String> query = new ArrayList<>();
      n.ifPresent(count -> query.add("n=" + count));
      last.ifPresent(tag -> query.add("last=" + tag.name()));
      return base(repository) + "/tags/list" + (query.isEmpty() ? "" : "?" + String.join("&", query));
    }
  }

  /**
   * {@code /v2/<name>/referrers/<digest>[?artifactType=<media type>]}: the manifests whose {@code
   * subject} is {@code subject}.
   */
  record Referrers(RoutedRepository repository, Digest subject, Optional<String> artifactType)
      implements RepositoryRequest {
    public Referrers {
      Objects.requireNonNull(repository, "repository");
      Objects.requireNonNull(subject, "subject");
      Objects.requireNonNull(artifactType, "artifactType");
    }

    @Override
    public String upstreamPath() {
      return base(repository)
          + "/referrers/"
          + subject.text()
          + artifactType.map(type -> "?artifactType=" + type.replace("+", "%2B")).orElse("");
    }
  }

  /**
   * A well-formed request the gateway does not serve: uploads, the catalog, unknown endpoints.
   * Answer {@link OciErrorCode#UNSUPPORTED} with {@code reason}.
   */
  record Unsupported(String reason) implements OciRequest {
    public Unsupported {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * A valid repository that no configured upstream takes (an unknown {@code ns}, or no prefix and
   * no default upstream). Answer {@link OciErrorCode#NAME_UNKNOWN} with {@code reason}; nothing
   * goes upstream.
   */
  record NoUpstream(String reason) implements OciRequest {
    public NoUpstream {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * A malformed or hostile request (answer 400 with {@code code} and {@code reason}); it never goes
   * upstream. The code is {@link OciErrorCode#NAME_INVALID} for a bad repository name, {@link
   * OciErrorCode#DIGEST_INVALID} for a bad digest, {@link OciErrorCode#UNSUPPORTED} for a bad query
   * parameter, so the client's message points at the right part.
   */
  record Rejected(OciErrorCode code, String reason) implements OciRequest {
    public Rejected {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(reason, "reason");
    }
  }

  private static String base(RoutedRepository repository) {
    return "/v2/" + repository.repository();
  }
}
