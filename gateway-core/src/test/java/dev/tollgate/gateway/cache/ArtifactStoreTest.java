package dev.tollgate.gateway.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArtifactStoreTest {

  /** A clock the test moves forward, so "least recently used" does not depend on the wall clock. */
  private static final class ManualClock extends Clock {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  @TempDir Path root;
  private final ManualClock clock = new ManualClock();

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  private static byte[] artifact(char fill, int size) {
    return String.valueOf(fill).repeat(size).getBytes(StandardCharsets.US_ASCII);
  }

  /** Stages and commits {@code bytes}, returning their digest; the clock moves on a minute. */
  private String put(ArtifactStore store, byte[] bytes) throws Exception {
    String hex = sha256(bytes);
    try (ArtifactStore.Staging staging = store.stage()) {
      staging.write(ByteBuffer.wrap(bytes));
      staging.commit("sha256", hex);
    }
    clock.advance(Duration.ofMinutes(1));
    return hex;
  }

  private List<Path> stagingFiles() throws IOException {
    try (Stream<Path> files = Files.list(root.resolve("tmp"))) {
      return files.toList();
    }
  }

  @Test
  void aCommittedArtifactIsFoundUnderItsDigest() throws Exception {
    ArtifactStore store = ArtifactStore.open(root, 1 << 20, clock);
    byte[] wheel = artifact('w', 1000);

    String hex = put(store, wheel);

    Path found = store.find("sha256", hex).orElseThrow();
    assertArrayEquals(wheel, Files.readAllBytes(found));
    assertEquals(root.resolve("sha256").resolve(hex.substring(0, 2)).resolve(hex), found);
    assertEquals(1000, store.size());
    assertTrue(stagingFiles().isEmpty());
  }

  @Test
  void anUnknownDigestIsNotFound() throws Exception {
    ArtifactStore store = ArtifactStore.open(root, 1 << 20, clock);

    assertEquals(Optional.empty(), store.find("sha256", sha256(artifact('x', 1))));
  }

  @Test
  void aDiscardedArtifactLeavesNothing() throws Exception {
    ArtifactStore store = ArtifactStore.open(root, 1 << 20, clock);
    byte[] wrong = artifact('x', 500);

    try (ArtifactStore.Staging staging = store.stage()) {
      staging.write(ByteBuffer.wrap(wrong));
      staging.discard();
    }

    assertEquals(Optional.empty(), store.find("sha256", sha256(wrong)));
    assertEquals(0, store.size());
    assertTrue(stagingFiles().isEmpty());
  }

  @Test
  void closingAnUncommittedStagingDiscardsIt() throws Exception {
    ArtifactStore store = ArtifactStore.open(root, 1 << 20, clock);

    try (ArtifactStore.Staging staging = store.stage()) {
      staging.write(ByteBuffer.wrap(artifact('x', 500)));
    }

    assertTrue(stagingFiles().isEmpty());
  }

  @Test
  void openingRemovesInterruptedDownloadsAndCountsWhatIsKept() throws Exception {
    String kept = put(ArtifactStore.open(root, 1 << 20, clock), artifact('k', 300));
    Files.write(root.resolve("tmp").resolve("interrupted.part"), artifact('p', 700));

    ArtifactStore reopened = ArtifactStore.open(root, 1 << 20, clock);

    assertTrue(stagingFiles().isEmpty());
    assertEquals(300, reopened.size());
    assertTrue(reopened.find("sha256", kept).isPresent());
  }

  @Test
  void evictionRemovesTheLeastRecentlyUsedToStayWithinTheBound() throws Exception {
    ArtifactStore store = ArtifactStore.open(root, 250, clock);
    String a = put(store, artifact('a', 100));
    String b = put(store, artifact('b', 100));
    store.find("sha256", a);
    clock.advance(Duration.ofMinutes(1));

    String c = put(store, artifact('c', 100));

    assertTrue(store.find("sha256", a).isPresent(), "a was used after b, so b goes first");
    assertEquals(Optional.empty(), store.find("sha256", b));
    assertTrue(store.find("sha256", c).isPresent());
    assertEquals(200, store.size());
  }

  @Test
  void theTotalStaysWithinTheBoundAndMatchesTheDisk() throws Exception {
    ArtifactStore store = ArtifactStore.open(root, 1000, clock);
    for (int i = 0; i < 12; i++) {
      put(store, artifact((char) ('a' + i), 150));
    }

    long onDisk;
    try (Stream<Path> files = Files.walk(root.resolve("sha256"))) {
      onDisk = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
    assertTrue(store.size() <= 1000, "size " + store.size());
    assertEquals(onDisk, store.size());
  }

  @Test
  void committingTheSameDigestTwiceCountsItOnce() throws Exception {
    ArtifactStore store = ArtifactStore.open(root, 1 << 20, clock);
    byte[] wheel = artifact('w', 400);

    put(store, wheel);
    put(store, wheel);

    assertEquals(400, store.size());
    assertTrue(stagingFiles().isEmpty());
  }

  @ParameterizedTest(name = "{0}:{1}")
  @CsvSource({
      "md5, 0123456789abcdef0123456789abcdef",
      "sha256, ../../../../etc/passwd",
      "sha256, abc",
      "../sha256, 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"})
  void somethingThatIsNotADigestIsRefused(String algorithm, String hex) throws Exception {
    ArtifactStore store = ArtifactStore.open(root, 1 << 20, clock);

    assertThrows(IllegalArgumentException.class, () -> store.find(algorithm, hex));
  }
}
