package dev.tollgate.adapter.npm;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * npm's package-name rules, checked before a name is used for anything: a name that passes is plain
 * ASCII that needs no escaping in a URL, so the gateway can put it into upstream paths, cache keys
 * and log lines as it is.
 *
 * <p>The rules are those npm applies to new packages (at most 214 characters; no leading {@code .}
 * or {@code _} in the name or its scope; only letters, digits, {@code -}, {@code .} and {@code _};
 * scoped names exactly {@code @scope/name}; not {@code node_modules} or {@code favicon.ico}), with
 * one deliberate exception: capital letters are accepted, because the registry still serves
 * packages published before npm required lower case (such as {@code JSONStream}) and refusing them
 * would break installs that work without the gateway. Policy compares names lower-cased.
 */
public final class NpmNames {

  /** npm refuses longer names for new packages; the registry has no longer ones in use. */
  public static final int MAX_LENGTH = 214;

  private static final Set<String> RESERVED = Set.of("node_modules", "favicon.ico");

  private NpmNames() {}

  /** Whether {@code name} is a package name the gateway will serve. */
  public static boolean isValid(String name) {
    return problem(name).isEmpty();
  }

  /** Why {@code name} is not a servable package name, or empty if it is. */
  public static Optional<String> problem(String name) {
    if (name.isEmpty()) {
      return Optional.of("package name is empty");
    }
    if (name.length() > MAX_LENGTH) {
      return Optional.of("package name longer than " + MAX_LENGTH + " characters");
    }
    if (name.charAt(0) == '@') {
      int slash = name.indexOf('/');
      if (slash < 0 || name.indexOf('/', slash + 1) >= 0) {
        return Optional.of("scoped package name must look like @scope/name");
      }
      return partProblem(name.substring(1, slash)).or(() -> partProblem(name.substring(slash + 1)));
    }
    if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
      return Optional.of("package name is reserved by npm");
    }
    return partProblem(name);
  }

  /**
   * {@code name} as one path segment of an upstream request: {@code @scope%2fname} for scoped
   * names, the way npm itself asks for them; unscoped names need no escaping.
   *
   * @throws IllegalArgumentException if {@code name} is not valid
   */
  public static String encodeForPath(String name) {
    requireValid(name);
    return name.replace("/", "%2f");
  }

  /** The part of a valid name after its scope: tarball files are named after it. */
  static String unscopedPart(String name) {
    return name.substring(name.indexOf('/') + 1);
  }

  static void requireValid(String name) {
    Optional<String> problem = problem(name);
    if (problem.isPresent()) {
      throw new IllegalArgumentException(problem.get());
    }
  }

  private static Optional<String> partProblem(String part) {
    if (part.isEmpty()) {
      return Optional.of("scoped package name must look like @scope/name");
    }
    if (part.charAt(0) == '.' || part.charAt(0) == '_') {
      return Optional.of("package name may not start with '.' or '_'");
    }
    for (int i = 0; i < part.length(); i++) {
      char c = part.charAt(i);
      if (!AsciiText.isLetterOrDigit(c) && c != '-' && c != '.' && c != '_') {
        return Optional.of("package name may contain only ASCII letters, digits, '-', '.' and '_'");
      }
    }
    return Optional.empty();
  }
}
