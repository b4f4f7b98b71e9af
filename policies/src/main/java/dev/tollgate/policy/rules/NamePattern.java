package dev.tollgate.policy.rules;

import dev.tollgate.policy.coordinates.Ecosystem;
import dev.tollgate.policy.coordinates.ImageNames;
import dev.tollgate.policy.coordinates.PackageNames;
import java.util.regex.Pattern;

/**
 * The name part of a list entry: an exact name or a glob ({@code *} any run of characters,
 * {@code ?} one character), compared with the ecosystem's normalised names. Image names are full,
 * {@code <registry>/<repository>}, and there {@code *} also spans {@code /}.
 */
public final class NamePattern {

  private final String text;
  private final String exact;
  private final Pattern glob;

  private NamePattern(String text, String exact, Pattern glob) {
    this.text = text;
    this.exact = exact;
    this.glob = glob;
  }

  /**
   * Parses a pattern as a policy file writes it.
   *
   * @throws IllegalArgumentException when the pattern is empty or has characters no name can have
   */
  public static NamePattern parse(Ecosystem ecosystem, String text) {
    String trimmed = text == null ? "" : text.trim();
    if (trimmed.isEmpty()) {
      throw new IllegalArgumentException("name is empty");
    }
    if (ecosystem == Ecosystem.OCI) {
      if (!trimmed.matches("[A-Za-z0-9._\\-:/*?]+")) {
        throw new IllegalArgumentException(
            "image name '" + trimmed + "' may hold only letters, digits, '.', '_', '-', ':', '/' and the globs '*' and '?'");
      }
      ImageNames.patternProblem(trimmed).ifPresent(problem -> {
        throw new IllegalArgumentException(problem);
      });
    } else if (!trimmed.matches("[A-Za-z0-9._\\-@/*?]+")) {
      throw new IllegalArgumentException(
          "name '" + trimmed + "' may hold only letters, digits, '.', '_', '-', '@', '/' and the globs '*' and '?'");
    }
    String normalised = PackageNames.normalize(ecosystem, trimmed);
    if (!Globs.isGlob(trimmed)) {
      return new NamePattern(trimmed, normalised, null);
    }
    return new NamePattern(trimmed, null, Globs.compile(normalised));
  }

  /** Whether the (already normalised) name matches. */
  public boolean matches(String normalisedName) {
    return exact != null ? exact.equals(normalisedName) : glob.matcher(normalisedName).matches();
  }

  /** The normalised name when this is not a glob, else {@code null}. */
  public String exactName() {
    return exact;
  }

  public boolean isGlob() {
    return exact == null;
  }

  @Override
  public String toString() {
    return text;
  }
}
