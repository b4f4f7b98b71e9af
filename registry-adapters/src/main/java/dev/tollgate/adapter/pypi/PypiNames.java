package dev.tollgate.adapter.pypi;

import dev.tollgate.policy.coordinates.Ecosystem;
import dev.tollgate.policy.coordinates.PackageNames;

/**
 * PyPI project names as the gateway accepts them: PEP 508 syntax, at most {@value #MAX_LENGTH}
 * characters, compared in their PEP 503 normalised form. Names are checked here before they reach a
 * policy, a cache key or an upstream URL.
 */
public final class PypiNames {

  /** Longest project name accepted; PyPI's own names stay far below it. */
  public static final int MAX_LENGTH = 128;

  private PypiNames() {}

  /** The PEP 503 normal form: lower case, each run of {@code -_.} replaced by one {@code -}. */
  public static String normalize(String name) {
    return PackageNames.normalize(Ecosystem.PYPI, name);
  }

  /**
   * Whether {@code name} is a PEP 508 project name: ASCII letters and digits, with {@code . _ -}
   * allowed only between them, and no longer than {@value #MAX_LENGTH} characters.
   */
  public static boolean isValidProjectName(String name) {
    int length = name.length();
    if (length == 0 || length > MAX_LENGTH) {
      return false;
    }
    if (!isAsciiLetterOrDigit(name.charAt(0)) || !isAsciiLetterOrDigit(name.charAt(length - 1))) {
      return false;
    }
    for (int i = 1; i < length - 1; i++) {
      char c = name.charAt(i);
      if (!isAsciiLetterOrDigit(c) && c != '.' && c != '_' && c != '-') {
        return false;
      }
    }
    return true;
  }

  private static boolean isAsciiLetterOrDigit(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }
}
