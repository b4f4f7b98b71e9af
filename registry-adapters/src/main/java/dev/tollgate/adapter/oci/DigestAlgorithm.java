package dev.tollgate.adapter.oci;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * The digest algorithms the OCI image spec registers and the gateway verifies bytes with. Any other
 * algorithm is refused: a digest the gateway cannot recompute cannot guard anything.
 */
public enum DigestAlgorithm {
  SHA256("sha256", "SHA-256", 64),
  SHA512("sha512", "SHA-512", 128);

  private final String id;
  private final String jcaName;
  private final int hexLength;

  DigestAlgorithm(String id, String jcaName, int hexLength) {
    this.id = id;
    this.jcaName = jcaName;
    this.hexLength = hexLength;
  }

  /** The name in a digest string: {@code sha256}, {@code sha512}. */
  public String id() {
    return id;
  }

  /** How many lower-case hex digits the encoded part of a digest has. */
  public int hexLength() {
    return hexLength;
  }

  /** A fresh hasher for this algorithm, to digest bytes as they stream past. */
  public MessageDigest newHasher() {
    try {
      return MessageDigest.getInstance(jcaName);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides " + jcaName, e);
    }
  }

  /** The algorithm named {@code id} in a digest string, if it is one of these. */
  public static Optional<DigestAlgorithm> fromId(String id) {
    for (DigestAlgorithm algorithm : values()) {
      if (algorithm.id.equals(id)) {
        return Optional.of(algorithm);
      }
    }
    return Optional.empty();
  }
}
