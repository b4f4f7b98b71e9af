package dev.tollgate.adapter.pypi;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The project and version a distribution's file name declares. The simple API lists files, not
 * versions; version policy needs the version of every file, and a direct download must be judged by
 * the same reading of its name as the page it came from.
 *
 * <p>Wheels follow the binary distribution format ({@code
 * name-version[-build]-python-abi-platform.whl}); eggs are {@code name-version[-...].egg}. Source
 * distributions are {@code name-version.ext}, and since legacy names may contain dashes, the
 * version starts after the first dash whose prefix normalises to the expected project (the rule pip
 * applies). A file whose name does not fit, or names another project, has no version.
 */
public record DistributionFilename(Kind kind, String project, String version) {

  /** The packaging format, from the file name's extension. */
  public enum Kind {
    WHEEL,
    SDIST,
    EGG
  }

  private static final String WHEEL_EXTENSION = ".whl";
  private static final String EGG_EXTENSION = ".egg";

  /** Every archive extension pip accepts for a source distribution. */
  private static final List<String> SDIST_EXTENSIONS =
      List.of(
          ".tar.gz",
          ".tgz",
          ".zip",
          ".tar.bz2",
          ".tbz",
          ".tar.xz",
          ".txz",
          ".tlz",
          ".tar.lz",
          ".tar.lzma",
          ".tar");

  public DistributionFilename {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(version, "version");
  }

  /**
   * Reads {@code filename} as a distribution of {@code normalizedProject}; empty when the name is
   * not a distribution file name, has no version, or belongs to another project.
   */
  public static Optional<DistributionFilename> parse(String filename, String normalizedProject) {
    return parse(filename, Optional.of(normalizedProject));
  }

  /**
   * Reads {@code filename} without knowing its project. A source distribution's version then starts
   * at the first dash followed by a digit, which is only a guess for names with dashes.
   */
  public static Optional<DistributionFilename> parse(String filename) {
    return parse(filename, Optional.empty());
  }

  /** The version alone, as the gateway's filters need it. */
  public static Optional<String> versionOf(String filename, String normalizedProject) {
    return parse(filename, normalizedProject).map(DistributionFilename::version);
  }

  private static Optional<DistributionFilename> parse(
      String filename, Optional<String> normalizedProject) {
    String lower = filename.toLowerCase(Locale.ROOT);
    Optional<DistributionFilename> parsed;
    if (lower.endsWith(WHEEL_EXTENSION)) {
      parsed = wheel(stem(filename, WHEEL_EXTENSION));
    } else if (lower.endsWith(EGG_EXTENSION)) {
      parsed = egg(stem(filename, EGG_EXTENSION));
    } else {
      parsed =
          SDIST_EXTENSIONS.stream()
              .filter(lower::endsWith)
              .findFirst()
              .flatMap(extension -> sdist(stem(filename, extension), normalizedProject));
    }
    return parsed.filter(
        name ->
            !name.project().isEmpty()
                && !name.version().isEmpty()
                && normalizedProject
                    .map(p -> PypiNames.normalize(name.project()).equals(p))
                    .orElse(true));
  }

  private static Optional<DistributionFilename> wheel(String stem) {
    String[] parts = stem.split("-", -1);
    if (parts.length != 5 && parts.length != 6) {
      return Optional.empty();
    }
    for (String part : parts) {
      if (part.isEmpty()) {
        return Optional.empty();
      }
    }
    if (parts.length == 6 && !isAsciiDigit(parts[2].charAt(0))) {
      return Optional.empty();
    }
    return Optional.of(new DistributionFilename(Kind.WHEEL, parts[0], parts[1]));
  }

  private static Optional<DistributionFilename> egg(String stem) {
    String[] parts = stem.split("-", -1);
    if (parts.length < 2) {
      return Optional.empty();
    }
    return Optional.of(new DistributionFilename(Kind.EGG, parts[0], parts[1]));
  }

  private static Optional<DistributionFilename> sdist(
      String stem, Optional<String> normalizedProject) {
    for (int dash = stem.indexOf('-'); dash > 0; dash = stem.indexOf('-', dash + 1)) {
      String name = stem.substring(0, dash);
      boolean versionStarts =
          normalizedProject.isPresent()
              ? PypiNames.normalize(name).equals(normalizedProject.get())
              : dash + 1 < stem.length() && isAsciiDigit(stem.charAt(dash + 1));
      if (versionStarts) {
        return Optional.of(new DistributionFilename(Kind.SDIST, name, stem.substring(dash + 1)));
      }
    }
    return Optional.empty();
  }

  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static String stem(String filename, String extension) {
    return filename.substring(0, filename.length() - extension.length());
  }
}
