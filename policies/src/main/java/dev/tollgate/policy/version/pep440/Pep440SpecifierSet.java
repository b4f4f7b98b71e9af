package dev.tollgate.policy.version.pep440;

import dev.tollgate.policy.version.VersionConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The versions an allow-list entry admits for a PyPI package, written as pip writes requirements:
 * comma-separated PEP 440 specifiers that must all hold, such as {@code >=2.31,<3,!=2.32.0}. An empty
 * text or {@code *} admits every valid version.
 *
 * <p>Pre-releases: {@link #allows} is a membership test of the range, so a pre-release that lies inside
 * it is allowed ({@code >=1.0} allows {@code 2.0b1}); PEP 440's exclusive-bound rules still apply
 * ({@code <2.0} refuses {@code 2.0rc1}). Whether to install pre-releases is the client's choice
 * ({@code pip --pre}); the gateway only decides what may be served.
 *
 * <p>Fail closed: a version that is not valid PEP 440 is refused, except by {@code ===}, which
 * compares the spelling as written, ignoring case.
 */
public final class Pep440SpecifierSet implements VersionConstraint {

  private final String text;
  private final List<Pep440Specifier> specifiers;

  private Pep440SpecifierSet(String text, List<Pep440Specifier> specifiers) {
    this.text = text;
    this.specifiers = specifiers;
  }

  /**
   * Parses a constraint as a policy file writes it; whitespace around specifiers and after operators
   * is ignored.
   *
   * @throws IllegalArgumentException with a sentence naming the specifier that is wrong and why
   */
  public static Pep440SpecifierSet parse(String text) {
    String trimmed = Pep440VersionParser.strip(Objects.requireNonNull(text, "text"));
    if (trimmed.isEmpty() || trimmed.equals("*")) {
      return new Pep440SpecifierSet(trimmed, List.of());
    }
    List<Pep440Specifier> specifiers = new ArrayList<>();
    for (String part : trimmed.split(",", -1)) {
      String clause = Pep440VersionParser.strip(part);
      if (clause.isEmpty()) {
        throw new IllegalArgumentException(
            "version constraint '" + trimmed + "' has an empty specifier between commas");
      }
      try {
        specifiers.add(Pep440Specifier.parse(clause));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "version constraint '" + trimmed + "': " + e.getMessage(), e);
      }
    }
    return new Pep440SpecifierSet(trimmed, List.copyOf(specifiers));
  }

  /** Whether {@code version}, as the registry spells it, lies in this range; see the class comment. */
  @Override
  public boolean allows(String version) {
    Pep440Version parsed = Pep440VersionParser.parse(version);
    if (specifiers.isEmpty()) {
      return parsed != null;
    }
    for (Pep440Specifier specifier : specifiers) {
      if (!specifier.matches(version, parsed)) {
        return false;
      }
    }
    return true;
  }

  /** Like {@link #allows(String)} for a parsed version; {@code ===} compares its normalised spelling. */
  public boolean allows(Pep440Version version) {
    for (Pep440Specifier specifier : specifiers) {
      if (!specifier.matches(version)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String text() {
    return text;
  }

  @Override
  public String toString() {
    return text;
  }
}
