package dev.tollgate.policy.signature;

import java.util.regex.Pattern;

/**
 * Which images a signature rule covers, written as {@code registry/repository} with globs:
 * {@code *} matches within one path segment, {@code **} across segments
 * ({@code ghcr.io/acme/**}, {@code docker.io/library/*}).
 */
public final class ImageGlob {

  private final String text;
  private final Pattern pattern;

  private ImageGlob(String text, Pattern pattern) {
    this.text = text;
    this.pattern = pattern;
  }

  /**
   * Parses a glob as a policy file writes it.
   *
   * @throws IllegalArgumentException when it is empty, lacks a registry part or has characters no
   *     image reference can have
   */
  public static ImageGlob parse(String text) {
    String glob = text == null ? "" : text.trim();
    if (glob.isEmpty()) {
      throw new IllegalArgumentException("is empty");
    }
    if (!glob.matches("[A-Za-z0-9._\\-:/*]+")) {
      throw new IllegalArgumentException("'" + glob
          + "' may hold only letters, digits, '.', '_', '-', ':', '/' and the globs '*' and '**'");
    }
    if (!glob.contains("/")) {
      throw new IllegalArgumentException("'" + glob + "' must name registry/repository (e.g. ghcr.io/acme/*)");
    }
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
        regex.append(".*");
        i++;
      } else if (c == '*') {
        regex.append("[^/]*");
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return new ImageGlob(glob, Pattern.compile(regex.toString()));
  }

  /** Whether the image {@code registry/repository} (lower case, no tag or digest) is covered. */
  public boolean matches(String registry, String repository) {
    return pattern.matcher(registry + "/" + repository).matches();
  }

  @Override
  public String toString() {
    return text;
  }
}
