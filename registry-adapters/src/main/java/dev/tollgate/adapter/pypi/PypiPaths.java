package dev.tollgate.adapter.pypi;

import dev.tollgate.adapter.pypi.PypiRequest.File;
import dev.tollgate.adapter.pypi.PypiRequest.Metadata;
import dev.tollgate.adapter.pypi.PypiRequest.NotFound;
import dev.tollgate.adapter.pypi.PypiRequest.ProjectPage;
import dev.tollgate.adapter.pypi.PypiRequest.Redirect;
import dev.tollgate.adapter.pypi.PypiRequest.Rejected;
import dev.tollgate.adapter.pypi.PypiRequest.RootIndex;
import dev.tollgate.adapter.url.PercentCoding;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The URL space of the gateway's PyPI mount, in both directions: raw request paths are classified
 * into {@link PypiRequest}s (hostile ones rejected before anything else looks at them), and the
 * links the gateway writes into pages are built here, so that every link it emits parses back to
 * the same project and file.
 *
 * <p>Paths are relative to the mount: {@code /simple/}, {@code /simple/<name>/}, {@code
 * /files/<project>/<filename>} and {@code /files/<project>/<filename>.metadata}.
 */
public final class PypiPaths {

  /** Longest distribution file name accepted, in characters. */
  public static final int MAX_FILENAME_LENGTH = 255;

  /** PEP 658: a distribution's core metadata lives at its file URL plus this suffix. */
  public static final String METADATA_SUFFIX = ".metadata";

  private static final String SIMPLE = "simple";
  private static final String FILES = "files";

  private PypiPaths() {}

  /**
   * Classifies the raw (still percent-encoded) request path below the mount, without its query
   * string.
   */
  public static PypiRequest parse(String rawPath) {
    if (!rawPath.startsWith("/")) {
      return new Rejected("path must start with '/'");
    }
    if (rawPath.indexOf('\\') >= 0) {
      return new Rejected("backslash in path");
    }
    String[] rawSegments = rawPath.substring(1).split("/", -1);
    List<String> segments = new ArrayList<>(rawSegments.length);
    for (int i = 0; i < rawSegments.length; i++) {
      String segment;
      try {
        segment = decodeSegment(rawSegments[i]);
      } catch (IllegalArgumentException e) {
        return new Rejected(e.getMessage());
      }
      if (segment.isEmpty() && i < rawSegments.length - 1) {
        return new Rejected("empty path segment");
      }
      segments.add(segment);
    }
    return route(segments);
  }

  /** The canonical path of a project's page, e.g. {@code /simple/foo-bar/}. */
  public static String projectPagePath(String normalizedProject) {
    return "/" + SIMPLE + "/" + PercentCoding.encodePathSegment(normalizedProject) + "/";
  }

  /** The path under which the gateway serves a file of a project: {@code /files/<p>/<file>}. */
  public static String filePath(String normalizedProject, String filename) {
    return "/"
        + FILES
        + "/"
        + PercentCoding.encodePathSegment(normalizedProject)
        + "/"
        + PercentCoding.encodePathSegment(filename);
  }

  /**
   * Why {@code filename} cannot be served as one path segment, or empty if it can: it must be 1 to
   * {@value #MAX_FILENAME_LENGTH} characters, without slashes, backslashes or control characters,
   * and neither {@code .} nor {@code ..}.
   */
  public static Optional<String> filenameProblem(String filename) {
    if (filename.isEmpty()) {
      return Optional.of("file name is empty");
    }
    if (filename.length() > MAX_FILENAME_LENGTH) {
      return Optional.of("file name longer than " + MAX_FILENAME_LENGTH + " characters");
    }
    if (filename.equals(".") || filename.equals("..")) {
      return Optional.of("file name is '.' or '..'");
    }
    for (int i = 0; i < filename.length(); i++) {
      char c = filename.charAt(i);
      if (c == '/' || c == '\\') {
        return Optional.of("slash or backslash in file name");
      }
      if (isControl(c)) {
        return Optional.of("control character in file name");
      }
    }
    return Optional.empty();
  }

  private static String decodeSegment(String raw) {
    String segment = PercentCoding.decode(raw);
    for (int i = 0; i < segment.length(); i++) {
      char c = segment.charAt(i);
      if (c == '/') {
        throw new IllegalArgumentException("encoded '/' in path");
      }
      if (c == '\\') {
        throw new IllegalArgumentException("encoded backslash in path");
      }
      if (isControl(c)) {
        throw new IllegalArgumentException("control character in path");
      }
    }
    if (segment.equals(".") || segment.equals("..")) {
      throw new IllegalArgumentException("'.' or '..' segment in path");
    }
    return segment;
  }

  private static PypiRequest route(List<String> segments) {
    String first = segments.get(0);
    int count = segments.size();
    if (first.equals(SIMPLE) && count == 1) {
      return new Redirect("/" + SIMPLE + "/");
    }
    if (first.equals(SIMPLE) && count == 2 && segments.get(1).isEmpty()) {
      return new RootIndex();
    }
    if (first.equals(SIMPLE) && (count == 2 || (count == 3 && segments.get(2).isEmpty()))) {
      return projectPage(segments.get(1), count == 3);
    }
    if (first.equals(FILES) && count == 3) {
      return file(segments.get(1), segments.get(2));
    }
    return new NotFound("no such PyPI resource");
  }

  private static PypiRequest projectPage(String name, boolean trailingSlash) {
    Optional<String> problem = projectNameProblem(name);
    if (problem.isPresent()) {
      return new Rejected(problem.get());
    }
    String normalized = PypiNames.normalize(name);
    if (trailingSlash && normalized.equals(name)) {
      return new ProjectPage(name);
    }
    return new Redirect(projectPagePath(normalized));
  }

  private static PypiRequest file(String project, String filename) {
    Optional<String> problem = projectNameProblem(project).or(() -> filenameProblem(filename));
    if (problem.isPresent()) {
      return new Rejected(problem.get());
    }
    String normalized = PypiNames.normalize(project);
    if (filename.length() > METADATA_SUFFIX.length() && filename.endsWith(METADATA_SUFFIX)) {
      return new Metadata(
          normalized, filename.substring(0, filename.length() - METADATA_SUFFIX.length()));
    }
    return new File(normalized, filename);
  }

  private static Optional<String> projectNameProblem(String name) {
    if (name.length() > PypiNames.MAX_LENGTH) {
      return Optional.of("project name longer than " + PypiNames.MAX_LENGTH + " characters");
    }
    if (!PypiNames.isValidProjectName(name)) {
      return Optional.of(
          "project name is not valid: PEP 508 allows ASCII letters and digits, "
              + "with '.', '_' and '-' only between them");
    }
    return Optional.empty();
  }

  private static boolean isControl(char c) {
    return c < 0x20 || (c >= 0x7f && c <= 0x9f);
  }
}
