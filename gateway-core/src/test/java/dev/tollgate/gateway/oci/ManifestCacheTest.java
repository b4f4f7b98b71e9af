package dev.tollgate.gateway.oci;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.adapter.oci.Digest;
import dev.tollgate.adapter.oci.RoutedRepository;
import dev.tollgate.adapter.oci.Tag;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A cached manifest is served only under the signature policy it was checked under. */
class ManifestCacheTest {

  private static final RoutedRepository REPOSITORY = new RoutedRepository("docker.io", "acme/app", "acme/app");
  private static final byte[] BYTES = "{\"schemaVersion\":2}".getBytes(StandardCharsets.UTF_8);
  private static final Digest DIGEST = Digest.parse(
      "sha256:" + "ab".repeat(32));
  private static final List<String> ACCEPT = List.of("application/vnd.oci.image.manifest.v1+json");

  private final AtomicReference<Object> policy = new AtomicReference<>(new Object());
  private final ManifestCache cache = new ManifestCache(1 << 20, Duration.ofMinutes(5), policy::get);

  private void store() {
    cache.put(REPOSITORY, Tag.parse("1.0"), ACCEPT,
        new ManifestCache.Stored(BYTES, ACCEPT.get(0), DIGEST, null, List.of()));
  }

  @Test
  void aManifestIsFoundByTagAndByDigestWhileItsPolicyIsInForce() {
    store();

    assertAll(
        () -> assertTrue(cache.find(REPOSITORY, Tag.parse("1.0"), ACCEPT).isPresent()),
        () -> assertTrue(cache.find(REPOSITORY, DIGEST, List.of()).isPresent()),
        () -> assertEquals(Optional.empty(), cache.find(REPOSITORY, Tag.parse("1.0"), List.of("other/type"))));
  }

  @Test
  void afterTheSignaturePolicyChangesTheManifestMustBeCheckedAgain() {
    store();
    policy.set(new Object());

    assertAll(
        () -> assertEquals(Optional.empty(), cache.find(REPOSITORY, Tag.parse("1.0"), ACCEPT)),
        () -> assertEquals(Optional.empty(), cache.find(REPOSITORY, DIGEST, List.of())));
  }
}
