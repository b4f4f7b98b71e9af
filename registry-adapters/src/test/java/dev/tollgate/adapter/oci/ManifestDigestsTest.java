package dev.tollgate.adapter.oci;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ManifestDigestsTest {

  static final byte[] BYTES = "{\"schemaVersion\":2,\"manifests\":[]}".getBytes(UTF_8);
  static final Digest SHA256 = Digest.compute(DigestAlgorithm.SHA256, BYTES);
  static final Digest SHA512 = Digest.compute(DigestAlgorithm.SHA512, BYTES);
  static final Digest OTHER = Digest.parse("sha256:" + "0".repeat(64));

  @Test
  void aTagPullIsKnownByTheHeaderOrTheBytes() throws Exception {
    assertEquals(SHA256, ManifestDigests.verify(BYTES, new Tag("v1"), Optional.of(SHA256.text())));
    assertEquals(SHA256, ManifestDigests.verify(BYTES, new Tag("v1"), Optional.empty()));
    assertEquals(SHA512, ManifestDigests.verify(BYTES, new Tag("v1"), Optional.of(" " + SHA512.text() + " ")));
  }

  @Test
  void aDigestPullKeepsItsDigestWhateverTheAlgorithm() throws Exception {
    assertEquals(SHA512, ManifestDigests.verify(BYTES, SHA512, Optional.of(SHA256.text())));
    assertEquals(SHA256, ManifestDigests.verify(BYTES, SHA256, Optional.empty()));
  }

  @Test
  void refusesBytesThatAreNotWhatWasAskedFor() {
    MalformedManifestException e = assertThrows(MalformedManifestException.class,
        () -> ManifestDigests.verify(BYTES, OTHER, Optional.empty()));
    assertEquals("manifest bytes hash to " + SHA256 + ", not to " + OTHER + " (the requested digest)", e.getMessage());
  }

  @Test
  void refusesAHeaderThatNamesOtherBytes() {
    MalformedManifestException e = assertThrows(MalformedManifestException.class,
        () -> ManifestDigests.verify(BYTES, new Tag("v1"), Optional.of(OTHER.text())));
    assertTrue(e.getMessage().endsWith("(Docker-Content-Digest)"), e.getMessage());
    assertThrows(MalformedManifestException.class, () -> ManifestDigests.verify(BYTES, SHA256, Optional.of(OTHER.text())));
  }

  @Test
  void refusesAHeaderThatIsNoDigest() {
    MalformedManifestException e = assertThrows(MalformedManifestException.class,
        () -> ManifestDigests.verify(BYTES, new Tag("v1"), Optional.of("md5:abc")));
    assertEquals("Docker-Content-Digest: digest algorithm must be sha256 or sha512", e.getMessage());
  }
}
