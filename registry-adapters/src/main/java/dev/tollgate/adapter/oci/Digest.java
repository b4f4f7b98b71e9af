package dev.tollgate.adapter.oci;

import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * A content digest such as {@code sha256:<64 hex>}: what a manifest or blob's bytes must hash to.
 * Only the registered algorithms are accepted, with their exact lower-case hex length, so two
 * spellings of one digest cannot exist and every digest can be recomputed.
 */
public record Digest(DigestAlgorithm algorithm, String hex) implements Reference {

  /** Longest digest string accepted before it is looked at: {@code sha512:} plus 128 digits. */
  public static final int MAX_LENGTH = 7 + 128;

  private static final HexFormat HEX = HexFormat.of();

  public Digest {
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(hex, "hex");
    Optional<String> problem = hexProblem(algorithm, hex);
    if (problem.isPresent()) {
      throw new IllegalArgumentException(problem.get());
    }
  }

  /**
   * Parses {@code algorithm:hex}.
   *
   * @throws IllegalArgumentException with a sentence saying what is wrong
   */
  public static Digest parse(String text) {
    if (text.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("digest longer than " + MAX_LENGTH + " characters");
    }
    int colon = text.indexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("digest must look like sha256:<64 hex digits>");
    }
    String id = text.substring(0, colon);
    DigestAlgorithm algorithm =
        DigestAlgorithm.fromId(id)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "digest algorithm must be sha256 or sha512"));
    return new Digest(algorithm, text.substring(colon + 1));
  }

  /** Why {@code text} is not a valid digest, or empty if it is. */
  public static Optional<String> problem(String text) {
    try {
      parse(text);
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
  }

  /** The digest of bytes whose {@code algorithm} hash is {@code hash}. */
  public static Digest of(DigestAlgorithm algorithm, byte[] hash) {
    return new Digest(algorithm, HEX.formatHex(hash));
  }

  /** The digest of {@code bytes} (bounded metadata such as a manifest; stream large blobs). */
  public static Digest compute(DigestAlgorithm algorithm, byte[] bytes) {
    return of(algorithm, algorithm.newHasher().digest(bytes));
  }

  /**
   * The tag under which the distribution spec's referrers tag schema keeps the referrers index of
   * this digest when a registry lacks the referrers API: {@code sha256-<hex>}. The spec truncates
   * the hex part to 64 characters, so a sha512 digest's tag holds its first 64 digits.
   */
  public Tag referrersTag() {
    return new Tag(algorithm.id() + "-" + hex.substring(0, Math.min(hex.length(), 64)));
  }

  @Override
  public String text() {
    return algorithm.id() + ":" + hex;
  }

  @Override
  public String toString() {
    return text();
  }

  private static Optional<String> hexProblem(DigestAlgorithm algorithm, String hex) {
    if (hex.length() != algorithm.hexLength()) {
      return Optional.of(
          algorithm.id() + " digest must have " + algorithm.hexLength() + " hex digits");
    }
    for (int i = 0; i < hex.length(); i++) {
      char c = hex.charAt(i);
      if (!(c >= '0' && c <= '9') && !(c >= 'a' && c <= 'f')) {
        return Optional.of("digest may contain only lower-case hex digits after the ':'");
      }
    }
    return Optional.empty();
  }
}
