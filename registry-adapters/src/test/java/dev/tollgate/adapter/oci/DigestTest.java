package dev.tollgate.adapter.oci;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DigestTest {

  @Test
  void computesTheDigestClientsCompute() {
    // sha256 and sha512 of "hello", as sha256sum and sha512sum print them
    assertEquals("sha256:2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824",
        Digest.compute(DigestAlgorithm.SHA256, "hello".getBytes(UTF_8)).text());
    assertEquals("sha512:9b71d224bd62f3785d96d46ad3ea3d73319bfbc2890caadae2dff72519673ca7"
            + "2323c3d99ba5c11d7c7acc6e14b8c5da0c4663475c2e5c3adef46f73bcdec043",
        Digest.compute(DigestAlgorithm.SHA512, "hello".getBytes(UTF_8)).text());
  }

  @Test
  void namesTheReferrersFallbackTag() {
    String hex256 = "0123456789abcdef".repeat(4);
    assertEquals(new Tag("sha256-" + hex256), Digest.parse("sha256:" + hex256).referrersTag());
    String hex512 = "fedcba9876543210".repeat(8);
    assertEquals(new Tag("sha512-" + hex512.substring(0, 64)), Digest.parse("sha512:" + hex512).referrersTag());
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
    "sha256 | digest must look like sha256:<64 hex digits>",
    "sha256: | sha256 digest must have 64 hex digits",
    "SHA256:0000000000000000000000000000000000000000000000000000000000000000 | digest algorithm must be sha256 or sha512",
    "sha384:000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000 | digest algorithm must be sha256 or sha512",
    "sha256:000000000000000000000000000000000000000000000000000000000000000g | digest may contain only lower-case hex digits after the ':'",
    "sha256:0000000000000000000000000000000000000000000000000000000000000000:0 | sha256 digest must have 64 hex digits",
  })
  void explainsWhatIsWrong(String text, String problem) {
    assertEquals(Optional.of(problem), Digest.problem(text));
    assertThrows(IllegalArgumentException.class, () -> Digest.parse(text));
  }

  @Test
  void refusesOverLongInputBeforeLookingAtIt() {
    assertEquals(Optional.of("digest longer than 135 characters"), Digest.problem("sha256:" + "0".repeat(200)));
  }
}
