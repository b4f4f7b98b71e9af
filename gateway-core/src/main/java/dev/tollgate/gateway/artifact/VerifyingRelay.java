package dev.tollgate.gateway.artifact;

import dev.tollgate.gateway.cache.ArtifactStore;
import java.io.IOException;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Streams an upstream artifact to the client while hashing it and writing it to the store's staging
 * area, one chunk at a time (the next chunk is requested only when the client took the last one).
 * At the end the digest decides: match, and the response completes and the file is kept; mismatch,
 * and the response is cut short and the staged file deleted.
 */
public final class VerifyingRelay implements BodySubscriber<Void> {

  private static final Logger LOG = Logger.getLogger(VerifyingRelay.class.getName());

  private final String algorithm;
  private final String expectedHex;
  private final long expectedSize;
  private final MessageDigest digest;
  private final ArtifactStore.Staging staging;
  private final ArtifactDownstream downstream;
  private final Consumer<RelayOutcome> onDone;
  private final CompletableFuture<Void> body = new CompletableFuture<>();
  private final AtomicBoolean ended = new AtomicBoolean();
  private volatile Flow.Subscription subscription;
  private long bytes;
  private boolean stagingFailed;

  /**
   * @param algorithm {@code sha1} (legacy npm shasum), {@code sha256}, {@code sha384} or {@code sha512}
   * @param expectedHex the lower-case hex digest the index declared
   * @param expectedSize the size the index declared, or -1
   * @param staging where to keep the bytes for the cache, or {@code null} to keep nothing
   */
  public VerifyingRelay(String algorithm, String expectedHex, long expectedSize, ArtifactStore.Staging staging,
      ArtifactDownstream downstream, Consumer<RelayOutcome> onDone) {
    this.algorithm = algorithm.toLowerCase(Locale.ROOT);
    this.expectedHex = expectedHex.toLowerCase(Locale.ROOT);
    this.expectedSize = expectedSize;
    this.digest = newDigest(this.algorithm);
    this.staging = staging;
    this.downstream = downstream;
    this.onDone = onDone;
  }

  private static MessageDigest newDigest(String algorithm) {
    try {
      return MessageDigest.getInstance(switch (algorithm) {
        case "sha1" -> "SHA-1";
        case "sha256" -> "SHA-256";
        case "sha384" -> "SHA-384";
        case "sha512" -> "SHA-512";
        default -> throw new IllegalArgumentException("unsupported digest algorithm " + algorithm);
      });
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public CompletionStage<Void> getBody() {
    return body;
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    s.request(1);
  }

  @Override
  public void onNext(List<ByteBuffer> items) {
    for (ByteBuffer item : items) {
      bytes += item.remaining();
      digest.update(item.duplicate());
      if (staging != null && !stagingFailed) {
        try {
          staging.write(item.duplicate());
        } catch (IOException e) {
          stagingFailed = true;
          LOG.log(Level.WARNING, "cannot stage artifact for the cache; serving without caching", e);
        }
      }
    }
    if (expectedSize >= 0 && bytes > expectedSize) {
      subscription.cancel();
      fail("upstream sent more than the " + expectedSize + " bytes the index declared", true);
      return;
    }
    downstream.write(items, () -> subscription.request(1));
  }

  @Override
  public void onError(Throwable t) {
    fail("upstream transfer failed after " + bytes + " bytes: " + t.getMessage(), false);
  }

  @Override
  public void onComplete() {
    String actual = HexFormat.of().formatHex(digest.digest());
    if (!actual.equals(expectedHex)) {
      fail(algorithm + " mismatch: the index declared " + expectedHex + " but the upstream sent " + actual, true);
      return;
    }
    if (!ended.compareAndSet(false, true)) {
      return;
    }
    if (staging != null) {
      if (stagingFailed) {
        staging.discard();
      } else {
        try {
          staging.commit(algorithm, expectedHex);
        } catch (IOException e) {
          LOG.log(Level.WARNING, "cannot keep verified artifact in the cache", e);
          staging.discard();
        }
      }
    }
    downstream.finish();
    body.complete(null);
    onDone.accept(new RelayOutcome(true, bytes, Optional.empty(), false));
  }

  /** Cancels from the client side (disconnect, stall): nothing is kept. */
  public void cancel(String why) {
    Flow.Subscription s = subscription;
    if (s != null) {
      s.cancel();
    }
    fail(why, false);
  }

  private void fail(String why, boolean mismatch) {
    if (!ended.compareAndSet(false, true)) {
      return;
    }
    if (staging != null) {
      staging.discard();
    }
    downstream.abort(why);
    body.complete(null);
    onDone.accept(new RelayOutcome(false, bytes, Optional.of(why), mismatch));
  }
}
