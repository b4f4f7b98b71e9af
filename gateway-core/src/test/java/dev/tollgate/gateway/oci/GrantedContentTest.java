package dev.tollgate.gateway.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.adapter.oci.Descriptor;
import dev.tollgate.adapter.oci.Digest;
import dev.tollgate.adapter.oci.DigestAlgorithm;
import dev.tollgate.adapter.oci.RoutedRepository;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class GrantedContentTest {

  private static final RoutedRepository HELLO = new RoutedRepository("docker.io", "library/hello", "hello");
  private static final RoutedRepository OTHER = new RoutedRepository("docker.io", "library/other", "other");
  private static final RoutedRepository ELSEWHERE = new RoutedRepository("ghcr.io", "library/hello", "ghcr/hello");
  private static final Digest LAYER = digest("layer");
  private static final Digest CHILD = digest("child");

  private static Digest digest(String text) {
    return Digest.compute(DigestAlgorithm.SHA256, text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aBlobIsServedOnlyInTheRepositoryWhoseManifestReferencedIt() {
    GrantedContent grants = new GrantedContent();
    grants.grantBlobs(HELLO, List.of(Descriptor.of("application/vnd.oci.image.layer.v1.tar+gzip", LAYER, 1234)));

    assertEquals(OptionalLong.of(1234), grants.blobSize(HELLO, LAYER));
    assertEquals(OptionalLong.empty(), grants.blobSize(OTHER, LAYER));
    assertEquals(OptionalLong.empty(), grants.blobSize(ELSEWHERE, LAYER));
    assertFalse(grants.vouched(HELLO, LAYER), "a blob grant vouches for no manifest");
  }

  @Test
  void anIndexVouchesForItsChildrenInItsRepository() {
    GrantedContent grants = new GrantedContent();
    grants.vouchForManifests(HELLO, List.of(CHILD));

    assertTrue(grants.vouched(HELLO, CHILD));
    assertFalse(grants.vouched(OTHER, CHILD));
    assertEquals(OptionalLong.empty(), grants.blobSize(HELLO, CHILD), "a vouched manifest is no blob");
  }
}
