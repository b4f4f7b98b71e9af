package dev.tollgate.adapter.npm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TarballDigestTest {

  private static final byte[] TARBALL = "a tarball".getBytes(StandardCharsets.UTF_8);

  @Test
  void readsSha512IntegrityAsHex() throws NoSuchAlgorithmException {
    TarballDigest digest = TarballDigest.fromIntegrity(sri("sha512")).orElseThrow();

    assertEquals("sha512", digest.algorithm());
    assertEquals(hex("SHA-512"), digest.hex());
    assertEquals(hex(digest.messageDigestAlgorithm()), digest.hex());
  }

  @Test
  void prefersTheStrongestOfSeveralEntries() throws NoSuchAlgorithmException {
    String integrity = sri("sha1") + " " + sri("sha512") + "?opt " + sri("sha256");

    assertEquals(
        Optional.of(new TarballDigest("sha512", hex("SHA-512"))),
        TarballDigest.fromIntegrity(integrity));
  }

  @Test
  void takesTheFirstOfTwoStrongestEntries() throws NoSuchAlgorithmException {
    String other = "sha512-" + Base64.getEncoder().encodeToString(new byte[64]);

    assertEquals(
        Optional.of(new TarballDigest("sha512", hex("SHA-512"))),
        TarballDigest.fromIntegrity(sri("sha512") + "\n  " + other));
  }

  @Test
  void ignoresEntriesItCannotUse() throws NoSuchAlgorithmException {
    String integrity =
        "md5-"
            + b64("MD5")
            + " sha512-"
            + b64("SHA-256")
            + " sha512-!!! SHA512-"
            + b64("SHA-512")
            + " "
            + sri("sha384");

    assertEquals(
        Optional.of(new TarballDigest("sha384", hex("SHA-384"))),
        TarballDigest.fromIntegrity(integrity));
  }

  @ParameterizedTest(name = "''{0}'' gives no digest")
  @ValueSource(strings = {"", "  ", "sha512", "sha512-", "garbage", "md5-rL0Y20zC+Fzt72VPzMSk2A=="})
  void givesNothingForUnusableIntegrity(String integrity) {
    assertEquals(Optional.empty(), TarballDigest.fromIntegrity(integrity));
  }

  @Test
  void fallsBackToShasum() throws NoSuchAlgorithmException {
    String shasum = hex("SHA-1").toUpperCase();

    assertEquals(
        Optional.of(new TarballDigest("sha1", hex("SHA-1"))),
        TarballDigest.expected(Optional.of("md5-xyz"), Optional.of(shasum)));
    assertEquals(
        Optional.of(new TarballDigest("sha512", hex("SHA-512"))),
        TarballDigest.expected(Optional.of(sri("sha512")), Optional.of(shasum)));
    assertEquals(Optional.empty(), TarballDigest.expected(Optional.empty(), Optional.of("abc")));
    assertEquals(Optional.empty(), TarballDigest.expected(Optional.empty(), Optional.empty()));
  }

  @Test
  void holdsOnlyWellFormedDigests() {
    assertThrows(IllegalArgumentException.class, () -> new TarballDigest("md5", "00"));
    assertThrows(IllegalArgumentException.class, () -> new TarballDigest("sha1", "AB".repeat(20)));
    assertThrows(IllegalArgumentException.class, () -> new TarballDigest("sha1", "ab".repeat(19)));
  }

  private static String sri(String algorithm) throws NoSuchAlgorithmException {
    String jca = algorithm.replace("sha", "SHA-");
    return algorithm + "-" + b64(jca);
  }

  private static String b64(String jcaAlgorithm) throws NoSuchAlgorithmException {
    return Base64.getEncoder()
        .encodeToString(MessageDigest.getInstance(jcaAlgorithm).digest(TARBALL));
  }

  private static String hex(String jcaAlgorithm) throws NoSuchAlgorithmException {
    return HexFormat.of().formatHex(MessageDigest.getInstance(jcaAlgorithm).digest(TARBALL));
  }
}
