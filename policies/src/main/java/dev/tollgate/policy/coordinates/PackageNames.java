package dev.tollgate.policy.coordinates;

import java.util.Locale;
import java.util.regex.Pattern;

/** Each ecosystem's rule for when two spellings name the same package. */
public final class PackageNames {

  private static final Pattern PEP503_SEPARATORS = Pattern.compile("[-_.]+");

  private PackageNames() {}

  /**
   * The canonical form of {@code name}: PEP 503 for PyPI ({@code Foo_Bar.baz} is {@code foo-bar-baz}),
   * lower case for npm and OCI repositories.
   */
  public static String normalize(Ecosystem ecosystem, String name) {
    return switch (ecosystem) {
      case PYPI -> PEP503_SEPARATORS.matcher(name).replaceAll("-").toLowerCase(Locale.ROOT);
      case NPM, OCI -> name.toLowerCase(Locale.ROOT);
    };
  }
}
