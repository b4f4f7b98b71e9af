package dev.tollgate.adapter.npm;

import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The digest a tarball's bytes must match, taken from the version's {@code dist}: the strongest
 * hash in its Subresource Integrity string ({@code dist.integrity}, e.g. {@code sha512-<base64>}),
 * else the legacy {@code dist.shasum} (SHA-1 hex). The gateway hashes the bytes as they stream and
 * aborts the download on a mismatch.
 *
 * @param algorithm the SRI name: {@code sha512}, {@code sha384}, {@code sha256} or {@code sha1}
 * @param hex the expected digest, lower-case hexadecimal
 */
public record TarballDigest(String algorithm, String hex) {

  /** SRI algorithms npm writes or accepts, strongest first, with their digest lengths in bytes. */
  private static final List<Algorithm> ALGORITHMS =
      List.of(
          new Algorithm("sha512", "SHA-512", 64),
          new Algorithm("sha384", "SHA-384", 48),
          new Algorithm("sha256", "SHA-256", 32),
          new Algorithm("sha1", "SHA-1", 20));

  private static final Algorithm SHA1 = ALGORITHMS.get(3);

  public TarballDigest {
    Algorithm known =
        algorithm(algorithm)
            .orElseThrow(
                () -> new IllegalArgumentException("unknown digest algorithm: " + algorithm));
    if (hex.length() != known.bytes() * 2 || !isLowerCaseHex(hex)) {
      throw new IllegalArgumentException("not a lower-case " + algorithm + " hex digest: " + hex);
    }
  }

  /**
   * The digest to check a version's tarball against: the strongest usable entry of {@code
   * integrity}, else {@code shasum}; empty if neither gives one (the download cannot be verified).
   */
  public static Optional<TarballDigest> expected(
      Optional<String> integrity, Optional<String> shasum) {
    return integrity
        .flatMap(TarballDigest::fromIntegrity)
        .or(() -> shasum.flatMap(TarballDigest::fromShasum));
  }

  /**
   * The strongest entry of an SRI string: space-separated {@code <algorithm>-<base64>[?options]};
   * entries with an unknown algorithm or a digest of the wrong length are ignored, as SRI says. Of
   * several entries of the strongest algorithm, the first is taken.
   */
  public static Optional<TarballDigest> fromIntegrity(String integrity) {
    TarballDigest best = null;
    int bestRank = ALGORITHMS.size();
    for (String entry : integrity.trim().split("\\s+")) {
      int dash = entry.indexOf('-');
      Optional<Algorithm> algorithm =
          dash < 0 ? Optional.empty() : algorithm(entry.substring(0, dash));
      if (algorithm.isEmpty() || ALGORITHMS.indexOf(algorithm.get()) >= bestRank) {
        continue;
      }
      int options = entry.indexOf('?', dash);
      String base64 = entry.substring(dash + 1, options < 0 ? entry.length() : options);
      Optional<byte[]> digest = decodeBase64(base64);
      if (digest.isPresent() && digest.get().length == algorithm.get().bytes()) {
        best = new TarballDigest(algorithm.get().sriName(), HexFormat.of().formatHex(digest.get()));
        bestRank = ALGORITHMS.indexOf(algorithm.get());
      }
    }
    return Optional.ofNullable(best);
  }

  /** A {@code dist.shasum}: 40 hex digits of SHA-1, any case; empty if it is not that. */
  public static Optional<TarballDigest> fromShasum(String shasum) {
    String hex = shasum.trim().toLowerCase(Locale.ROOT);
    if (hex.length() != SHA1.bytes() * 2 || !isLowerCaseHex(hex)) {
      return Optional.empty();
    }
    return Optional.of(new TarballDigest(SHA1.sriName(), hex));
  }

  /** The name {@link java.security.MessageDigest#getInstance} knows the algorithm by. */
  public String messageDigestAlgorithm() {
    return algorithm(algorithm).orElseThrow().jcaName();
  }

  private static Optional<Algorithm> algorithm(String sriName) {
    Objects.requireNonNull(sriName, "algorithm");
    return ALGORITHMS.stream().filter(a -> a.sriName().equals(sriName)).findFirst();
  }

  private static boolean isLowerCaseHex(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!AsciiText.isDigit(c) && (c < 'a' || c > 'f')) {
        return false;
      }
    }
    return true;
  }

  private static Optional<byte[]> decodeBase64(String text) {
    try {
      return Optional.of(Base64.getDecoder().decode(text));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private record Algorithm(String sriName, String jcaName, int bytes) {}
}
