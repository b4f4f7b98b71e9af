package dev.tollgate.gateway.artifact;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.gateway.cache.ArtifactStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Flow;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VerifyingRelayTest {

  private static final byte[] WHEEL = "PK\u0003\u0004 a small wheel's bytes".getBytes(StandardCharsets.ISO_8859_1);

  /** The client's side as the relay sees it: records every call and keeps the latest {@code more}. */
  private static final class RecordingDownstream implements ArtifactDownstream {
    final List<String> calls = new ArrayList<>();
    final ByteArrayOutputStream received = new ByteArrayOutputStream();
    Runnable more;

    @Override
    public void begin(long contentLength, Runnable cancelUpstream) {
      calls.add("begin");
    }

    @Override
    public void write(List<ByteBuffer> chunk, Runnable more) {
      calls.add("write");
      for (ByteBuffer b : chunk) {
        byte[] bytes = new byte[b.remaining()];
        b.duplicate().get(bytes);
        received.writeBytes(bytes);
      }
      this.more = more;
    }

    @Override
    public void finish() {
      calls.add("finish");
    }

    @Override
    public void abort(String why) {
      calls.add("abort: " + why);
    }

    boolean aborted() {
      return calls.stream().anyMatch(c -> c.startsWith("abort"));
    }
  }

  /** The upstream's side: counts how many chunks were requested, and whether it was cancelled. */
  private static final class RecordingSubscription implements Flow.Subscription {
    long requested;
    boolean cancelled;

    @Override
    public void request(long n) {
      requested += n;
    }

    @Override
    public void cancel() {
      cancelled = true;
    }
  }

  @TempDir Path root;
  private ArtifactStore store;
  private final RecordingDownstream downstream = new RecordingDownstream();
  private final RecordingSubscription upstream = new RecordingSubscription();
  private final List<RelayOutcome> outcomes = new ArrayList<>();

  @BeforeEach
  void openStore() throws IOException {
    store = ArtifactStore.open(root, 1 << 20, Clock.systemUTC());
  }

  private static String hex(String algorithm, byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
  }

  private VerifyingRelay relay(String algorithm, String expectedHex, long expectedSize) throws IOException {
    VerifyingRelay relay = new VerifyingRelay(algorithm, expectedHex, expectedSize, store.stage(), downstream,
        outcomes::add);
    relay.onSubscribe(upstream);
    return relay;
  }

  /** Sends {@code bytes} in two chunks, letting the client take each one. */
  private void stream(VerifyingRelay relay, byte[] bytes) {
    int half = bytes.length / 2;
    relay.onNext(List.of(ByteBuffer.wrap(bytes, 0, half)));
    downstream.more.run();
    relay.onNext(List.of(ByteBuffer.wrap(bytes, half, bytes.length - half)));
    downstream.more.run();
  }

  private List<Path> stagingFiles() throws IOException {
    try (Stream<Path> files = Files.list(root.resolve("tmp"))) {
      return files.toList();
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"sha256, SHA-256", "sha384, SHA-384", "sha512, SHA-512", "SHA256, SHA-256"})
  void aMatchingDigestFinishesTheResponseAndKeepsTheFile(String algorithm, String jdkName) throws Exception {
    String expected = hex(jdkName, WHEEL);
    VerifyingRelay relay = relay(algorithm, expected.toUpperCase(), WHEEL.length);

    stream(relay, WHEEL);
    relay.onComplete();

    assertEquals(List.of("write", "write", "finish"), downstream.calls);
    assertArrayEquals(WHEEL, downstream.received.toByteArray());
    Path kept = store.find(jdkName.replace("-", "").toLowerCase(), expected).orElseThrow();
    assertArrayEquals(WHEEL, Files.readAllBytes(kept));
    assertEquals(List.of(new RelayOutcome(true, WHEEL.length, Optional.empty(), false)), outcomes);
    assertTrue(relay.getBody().toCompletableFuture().isDone());
  }

  @Test
  void aMismatchAbortsAndKeepsNothing() throws Exception {
    byte[] tampered = WHEEL.clone();
    tampered[5] ^= 1;
    String declared = hex("SHA-256", WHEEL);
    VerifyingRelay relay = relay("sha256", declared, WHEEL.length);

    stream(relay, tampered);
    relay.onComplete();

    assertTrue(downstream.aborted(), downstream.calls.toString());
    assertFalse(downstream.calls.contains("finish"));
    assertTrue(downstream.calls.get(downstream.calls.size() - 1).contains("mismatch"), downstream.calls.toString());
    assertEquals(Optional.empty(), store.find("sha256", declared));
    assertEquals(Optional.empty(), store.find("sha256", hex("SHA-256", tampered)));
    assertTrue(stagingFiles().isEmpty());
    assertFalse(outcomes.get(0).verified());
  }

  @Test
  void moreBytesThanDeclaredAbortAtOnce() throws Exception {
    VerifyingRelay relay = relay("sha256", hex("SHA-256", WHEEL), WHEEL.length - 1);

    relay.onNext(List.of(ByteBuffer.wrap(WHEEL)));

    assertTrue(upstream.cancelled);
    assertEquals(1, downstream.calls.size(), downstream.calls.toString());
    assertTrue(downstream.aborted(), "the oversized chunk is never passed on: " + downstream.calls);
    assertTrue(stagingFiles().isEmpty());
  }

  @Test
  void anUpstreamErrorAbortsAndKeepsNothing() throws Exception {
    VerifyingRelay relay = relay("sha256", hex("SHA-256", WHEEL), WHEEL.length);

    relay.onNext(List.of(ByteBuffer.wrap(WHEEL, 0, 10)));
    relay.onError(new IOException("connection reset"));

    assertTrue(downstream.calls.get(downstream.calls.size() - 1).contains("connection reset"), downstream.calls.toString());
    assertFalse(downstream.calls.contains("finish"));
    assertTrue(stagingFiles().isEmpty());
    assertEquals(Optional.of(10L), outcomes.stream().map(RelayOutcome::bytes).findFirst());
  }

  @Test
  void theNextChunkIsRequestedOnlyWhenTheClientTookTheLastOne() throws Exception {
    VerifyingRelay relay = relay("sha256", hex("SHA-256", WHEEL), WHEEL.length);
    assertEquals(1, upstream.requested);

    relay.onNext(List.of(ByteBuffer.wrap(WHEEL, 0, 10)));
    assertEquals(1, upstream.requested, "no request before the client is ready");

    downstream.more.run();
    assertEquals(2, upstream.requested);
  }

  @Test
  void aClientSideCancelStopsTheUpstreamAndALateCompletionChangesNothing() throws Exception {
    VerifyingRelay relay = relay("sha256", hex("SHA-256", WHEEL), WHEEL.length);
    relay.onNext(List.of(ByteBuffer.wrap(WHEEL)));

    relay.cancel("the client went away");
    relay.onComplete();

    assertTrue(upstream.cancelled);
    assertEquals(List.of("write", "abort: the client went away"), downstream.calls);
    assertEquals(1, outcomes.size());
    assertEquals(Optional.empty(), store.find("sha256", hex("SHA-256", WHEEL)));
  }

  @Test
  void withoutStagingAVerifiedStreamStillFinishes() throws Exception {
    VerifyingRelay relay = new VerifyingRelay("sha256", hex("SHA-256", WHEEL), -1, null, downstream, outcomes::add);
    relay.onSubscribe(upstream);

    stream(relay, WHEEL);
    relay.onComplete();

    assertEquals("finish", downstream.calls.get(downstream.calls.size() - 1));
    assertEquals(Optional.empty(), store.find("sha256", hex("SHA-256", WHEEL)));
  }
}
