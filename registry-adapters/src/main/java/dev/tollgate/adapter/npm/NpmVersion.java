package dev.tollgate.adapter.npm;

import java.util.Optional;

/**
 * A published npm version in strict SemVer 2.0.0 form, as the registry stores it ({@code 1.2.3},
 * {@code 2.0.0-beta.1+build.5}; no leading {@code v} or {@code =}, no surrounding space, no leading
 * zeros). The adapter needs the order of versions to re-point dist-tags and the syntax to accept
 * tarball file names; both come from the policies' {@link dev.tollgate.policy.version.npm.NpmVersion},
 * which range matching uses too, so there is one SemVer order in Tollgate.
 *
 * @param text the version as the registry spells it (a key of the packument's {@code versions})
 */
record NpmVersion(String text, dev.tollgate.policy.version.npm.NpmVersion semver) implements Comparable<NpmVersion> {

  /** node-semver refuses longer version strings. */
  static final int MAX_LENGTH = 256;

  /** The version {@code text} denotes, or empty if it is not strict SemVer. */
  static Optional<NpmVersion> parse(String text) {
    if (text.isEmpty() || text.length() > MAX_LENGTH || !text.equals(text.strip())
        || text.charAt(0) == 'v' || text.charAt(0) == 'V' || text.charAt(0) == '=') {
      return Optional.empty();
    }
    return dev.tollgate.policy.version.npm.NpmVersion.tryParse(text).map(semver -> new NpmVersion(text, semver));
  }

  static boolean isValid(String text) {
    return parse(text).isPresent();
  }

  long major() {
    return semver.major();
  }

  boolean isPrerelease() {
    return semver.isPrerelease();
  }

  /**
   * SemVer precedence; versions that differ only in build metadata are then ordered by their text,
   * so the order is total and agrees with {@code equals}.
   */
  @Override
  public int compareTo(NpmVersion other) {
    int result = semver.compareTo(other.semver);
    return result == 0 ? text.compareTo(other.text) : result;
  }

  @Override
  public String toString() {
    return text;
  }
}
