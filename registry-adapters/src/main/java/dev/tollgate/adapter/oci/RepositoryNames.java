package dev.tollgate.adapter.oci;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The distribution spec's repository-name grammar: lower-case components of letters and digits,
 * joined inside by {@code .}, {@code _}, {@code __} or runs of {@code -}, and separated by {@code
 * /}. A name that passes is plain ASCII needing no escaping, with no empty, {@code .} or {@code ..}
 * component, so it can go into upstream paths, cache keys and log lines as it is.
 */
public final class RepositoryNames {

  /**
   * Longest name accepted. Clients limit registry host plus name to 255 characters; the gateway
   * holds the name alone to that, so an upstream name with an added {@code library/} still fits.
   */
  public static final int MAX_LENGTH = 255;

  private static final Pattern COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");

  private RepositoryNames() {}

  /** Why {@code name} is not a valid repository name, or empty if it is. */
  public static Optional<String> problem(String name) {
    if (name.isEmpty()) {
      return Optional.of("repository name is empty");
    }
    if (name.length() > MAX_LENGTH) {
      return Optional.of("repository name longer than " + MAX_LENGTH + " characters");
    }
    for (String component : name.split("/", -1)) {
      if (component.equals("..") || component.equals(".")) {
        return Optional.of("'.' or '..' in repository name");
      }
      if (!COMPONENT.matcher(component).matches()) {
        return Optional.of(
            "invalid repository name '"
                + name
                + "': each '/'-separated part must be lower-case letters and digits, joined by"
                + " '.', '_', '__' or '-'");
      }
    }
    return Optional.empty();
  }

  /** Whether {@code name} is a valid repository name. */
  public static boolean isValid(String name) {
    return problem(name).isEmpty();
  }
}
