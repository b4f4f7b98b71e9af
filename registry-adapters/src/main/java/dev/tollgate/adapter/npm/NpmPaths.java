package dev.tollgate.adapter.npm;

import dev.tollgate.adapter.npm.NpmRequest.Packument;
import dev.tollgate.adapter.npm.NpmRequest.Ping;
import dev.tollgate.adapter.npm.NpmRequest.Rejected;
import dev.tollgate.adapter.npm.NpmRequest.Tarball;
import dev.tollgate.adapter.npm.NpmRequest.Unsupported;
import dev.tollgate.adapter.npm.NpmRequest.VersionDocument;
import dev.tollgate.adapter.url.PercentCoding;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The URL space of the gateway's npm mount, in both directions: raw request paths are classified
 * into {@link NpmRequest}s (hostile ones rejected before anything else looks at them), and the
 * tarball paths the gateway writes into packuments are built here, so every tarball URL it emits
 * parses back to the same package and version.
 *
 * <p>Scoped names arrive in every spelling clients use: {@code /@scope%2fname} (npm, yarn), {@code
 * /@scope%2Fname} (pnpm) and {@code /@scope/name} (tarball URLs as registries write them). An
 * encoded {@code /} is accepted there and nowhere else.
 */
public final class NpmPaths {

  /**
   * Longest raw path accepted: a longest name, tag and tarball file name fit with room to spare.
   */
  public static final int MAX_PATH_LENGTH = 2048;

  private static final String TARBALL_DIRECTORY = "-";
  private static final String TARBALL_SUFFIX = ".tgz";

  private NpmPaths() {}

  /**
   * Classifies the raw (still percent-encoded) request path below the mount, without its query
   * string, e.g. {@code /@scope%2fname} or {@code /left-pad/-/left-pad-1.3.0.tgz}.
   */
  public static NpmRequest parse(String rawPathAfterMount) {
    if (!rawPathAfterMount.startsWith("/")) {
      return new Rejected("path must start with '/'");
    }
    if (rawPathAfterMount.length() > MAX_PATH_LENGTH) {
      return new Rejected("path longer than " + MAX_PATH_LENGTH + " characters");
    }
    if (rawPathAfterMount.equals("/")) {
      return new Unsupported("the registry root is not served; ask for a package by name");
    }
    if (rawPathAfterMount.indexOf('\\') >= 0) {
      return new Rejected("backslash in path");
    }
    List<String> segments = new ArrayList<>();
    for (String raw : rawPathAfterMount.substring(1).split("/", -1)) {
      try {
        segments.add(decodeSegment(raw, segments.isEmpty()));
      } catch (IllegalArgumentException e) {
        return new Rejected(e.getMessage());
      }
    }
    if (segments.get(0).equals(TARBALL_DIRECTORY)) {
      return endpoint(rawPathAfterMount, segments);
    }
    return packageResource(segments);
  }

  /**
   * The path below the mount under which the gateway serves a version's tarball: {@code
   * /<name>/-/<name>-<version>.tgz}, for scoped names {@code /@scope/name/-/name-<version>.tgz}
   * (the form the registry itself writes into {@code dist.tarball}).
   *
   * @throws IllegalArgumentException if the name is not valid or the version not SemVer
   */
  public static String tarballPath(String name, String version) {
    NpmNames.requireValid(name);
    if (!NpmVersion.isValid(version)) {
      throw new IllegalArgumentException("not a SemVer version: " + version);
    }
    return "/" + name + "/" + TARBALL_DIRECTORY + "/" + tarballFilename(name, version);
  }

  private static String tarballFilename(String name, String version) {
    return NpmNames.unscopedPart(name) + "-" + version + TARBALL_SUFFIX;
  }

  /** Decodes and checks one segment; only the first may hold an encoded '/' (a scoped name). */
  private static String decodeSegment(String raw, boolean first) {
    String segment = PercentCoding.decode(raw);
    if (segment.isEmpty()) {
      throw new IllegalArgumentException("empty path segment");
    }
    if (segment.equals(".") || segment.equals("..")) {
      throw new IllegalArgumentException("'.' or '..' segment in path");
    }
    for (int i = 0; i < segment.length(); i++) {
      char c = segment.charAt(i);
      if (c == '\\') {
        throw new IllegalArgumentException("encoded backslash in path");
      }
      if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
        throw new IllegalArgumentException("control character in path");
      }
      if (c == '/' && !(first && segment.charAt(0) == '@')) {
        throw new IllegalArgumentException("encoded '/' outside a scoped package name");
      }
    }
    return segment;
  }

  private static NpmRequest endpoint(String rawPath, List<String> segments) {
    if (segments.size() == 2 && segments.get(1).equals("ping")) {
      return new Ping();
    }
    return new Unsupported(
        "npm endpoint "
            + rawPath
            + " is not served by this gateway; it serves package metadata and tarballs only");
  }

  private static NpmRequest packageResource(List<String> segments) {
    String first = segments.get(0);
    boolean scopeInTwoSegments = first.startsWith("@") && first.indexOf('/') < 0;
    if (scopeInTwoSegments && segments.size() < 2) {
      return new Rejected("scoped package name must look like @scope/name");
    }
    String name = scopeInTwoSegments ? first + "/" + segments.get(1) : first;
    List<String> rest = segments.subList(scopeInTwoSegments ? 2 : 1, segments.size());
    Optional<String> nameProblem = NpmNames.problem(name);
    if (nameProblem.isPresent()) {
      return new Rejected(nameProblem.get());
    }
    if (rest.isEmpty()) {
      return new Packument(name);
    }
    if (rest.size() == 1 && rest.get(0).equals(TARBALL_DIRECTORY)) {
      return new Rejected("tarball path lacks a file name");
    }
    if (rest.size() == 1) {
      return versionDocument(name, rest.get(0));
    }
    if (rest.size() == 2 && rest.get(0).equals(TARBALL_DIRECTORY)) {
      return tarball(name, rest.get(1));
    }
    return new Rejected(
        "not an npm registry path: expected /<name>, /<name>/<version> or "
            + "/<name>/-/<file>.tgz");
  }

  private static NpmRequest versionDocument(String name, String versionOrTag) {
    if (versionOrTag.length() > NpmVersion.MAX_LENGTH) {
      return new Rejected("version or tag longer than " + NpmVersion.MAX_LENGTH + " characters");
    }
    for (int i = 0; i < versionOrTag.length(); i++) {
      char c = versionOrTag.charAt(i);
      if (!AsciiText.isLetterOrDigit(c) && c != '.' && c != '_' && c != '+' && c != '-') {
        return new Rejected(
            "version or tag may contain only ASCII letters, digits, '.', '_', '+' and '-'");
      }
    }
    return new VersionDocument(name, versionOrTag);
  }

  private static NpmRequest tarball(String name, String filename) {
    String prefix = NpmNames.unscopedPart(name) + "-";
    if (!filename.endsWith(TARBALL_SUFFIX)) {
      return new Rejected("tarball file name must end in " + TARBALL_SUFFIX);
    }
    String version =
        filename.startsWith(prefix) && filename.length() > prefix.length() + TARBALL_SUFFIX.length()
            ? filename.substring(prefix.length(), filename.length() - TARBALL_SUFFIX.length())
            : "";
    if (!NpmVersion.isValid(version)) {
      return new Rejected(
          "tarball file name does not belong to the package: expected "
              + prefix
              + "<version>"
              + TARBALL_SUFFIX);
    }
    return new Tarball(name, filename, version);
  }
}
