package dev.tollgate.adapter.oci;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A tag, as the distribution spec allows it: 1 to 128 characters, letters, digits, {@code _}, and
 * after the first character also {@code .} and {@code -}. Such a tag needs no escaping in a URL.
 */
public record Tag(String name) implements Reference {

  /** The spec's longest tag. */
  public static final int MAX_LENGTH = 128;

  private static final Pattern GRAMMAR = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,127}");

  public Tag {
    Objects.requireNonNull(name, "name");
    Optional<String> problem = problem(name);
    if (problem.isPresent()) {
      throw new IllegalArgumentException(problem.get());
    }
  }

  /**
   * Parses a tag.
   *
   * @throws IllegalArgumentException with a sentence saying what is wrong
   */
  public static Tag parse(String text) {
    return new Tag(text);
  }

  /** Why {@code text} is not a valid tag, or empty if it is. */
  public static Optional<String> problem(String text) {
    if (text.isEmpty()) {
      return Optional.of("tag is empty");
    }
    if (text.length() > MAX_LENGTH) {
      return Optional.of("tag longer than " + MAX_LENGTH + " characters");
    }
    if (!GRAMMAR.matcher(text).matches()) {
      return Optional.of(
          "tag may contain only ASCII letters, digits, '_', '.' and '-', and may not start with"
              + " '.' or '-'");
    }
    return Optional.empty();
  }

  @Override
  public String text() {
    return name;
  }

  @Override
  public String toString() {
    return name;
  }
}
