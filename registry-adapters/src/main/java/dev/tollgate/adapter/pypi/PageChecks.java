package dev.tollgate.adapter.pypi;

import dev.tollgate.adapter.text.UpstreamText;
import java.util.Optional;

/**
 * Checks both page parsers apply to what an upstream declares, so HTML and JSON pages are held to
 * the same rules.
 */
final class PageChecks {

  /** The API version assumed when a page declares none (PEP 629). */
  static final String DEFAULT_API_VERSION = "1.0";

  private static final int SUPPORTED_MAJOR = 1;

  private PageChecks() {}

  /**
   * Accepts a declared {@code Major.Minor} API version of major 1; PEP 629 requires a client to
   * stop at a newer major version, since it can no longer understand the page.
   */
  static String apiVersion(String declared) throws MalformedIndexException {
    String trimmed = declared.trim();
    int dot = trimmed.indexOf('.');
    String major = dot < 0 ? "" : trimmed.substring(0, dot);
    String minor = dot < 0 ? "" : trimmed.substring(dot + 1);
    if (!isDigits(major) || !isDigits(minor)) {
      throw new MalformedIndexException(
          "API version " + UpstreamText.quote(declared) + " is not Major.Minor");
    }
    if (Integer.parseInt(major) != SUPPORTED_MAJOR) {
      throw new MalformedIndexException(
          "API version " + trimmed + " is not supported (major version 1 only)");
    }
    return trimmed;
  }

  /** A file name the gateway can serve as one path segment. */
  static String filename(String filename) throws MalformedIndexException {
    Optional<String> problem = PypiPaths.filenameProblem(filename);
    if (problem.isPresent()) {
      throw new MalformedIndexException(
          "file " + UpstreamText.quote(filename) + ": " + problem.get());
    }
    return filename;
  }

  /** The page must be about the project the gateway asked for. */
  static void sameProject(String declaredName, String normalizedProject)
      throws MalformedIndexException {
    if (!PypiNames.normalize(declaredName).equals(normalizedProject)) {
      throw new MalformedIndexException(
          "page is for project "
              + UpstreamText.quote(declaredName)
              + ", not '"
              + normalizedProject
              + "'");
    }
  }

  private static boolean isDigits(String text) {
    if (text.isEmpty() || text.length() > 9) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}
