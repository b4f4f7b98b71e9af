package dev.tollgate.adapter.pypi;

import java.util.Objects;

/**
 * What a request under the gateway's PyPI mount asks for, decided once from the raw path so that
 * routing, policy and the audit log all work on a checked, typed value and never on a string.
 */
public sealed interface PypiRequest {

  /** {@code /simple/}: the list of projects. */
  record RootIndex() implements PypiRequest {}

  /** {@code /simple/<name>/} with {@code name} valid and already normalised. */
  record ProjectPage(String project) implements PypiRequest {
    public ProjectPage {
      Objects.requireNonNull(project, "project");
    }
  }

  /**
   * A page asked for by a non-canonical path (unnormalised name, missing trailing slash); answer
   * with a redirect to {@code location}, a path under the PyPI mount such as {@code /simple/foo/}.
   */
  record Redirect(String location) implements PypiRequest {
    public Redirect {
      Objects.requireNonNull(location, "location");
    }
  }

  /** {@code /files/<project>/<filename>}: a distribution file, {@code project} normalised. */
  record File(String project, String filename) implements PypiRequest {
    public File {
      Objects.requireNonNull(project, "project");
      Objects.requireNonNull(filename, "filename");
    }
  }

  /**
   * {@code /files/<project>/<filename>.metadata}: the PEP 658 core metadata of the distribution
   * {@code filename} (given without the {@code .metadata} suffix).
   */
  record Metadata(String project, String filename) implements PypiRequest {
    public Metadata {
      Objects.requireNonNull(project, "project");
      Objects.requireNonNull(filename, "filename");
    }
  }

  /** A well-formed path that names nothing the PyPI mount serves (answer 404). */
  record NotFound(String reason) implements PypiRequest {
    public NotFound {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * A path that is malformed or hostile (answer 400 with {@code reason}); it never goes upstream.
   */
  record Rejected(String reason) implements PypiRequest {
    public Rejected {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
