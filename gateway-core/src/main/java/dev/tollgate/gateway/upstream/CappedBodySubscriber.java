package dev.tollgate.gateway.upstream;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/** Collects a metadata body into memory, refusing (and cancelling the download) past a size bound. */
final class CappedBodySubscriber implements BodySubscriber<byte[]> {

  private final long cap;
  private final String what;
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(8192);
  private final CompletableFuture<byte[]> result = new CompletableFuture<>();
  private Flow.Subscription subscription;

  CappedBodySubscriber(long cap, String what) {
    this.cap = cap;
    this.what = what;
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return result;
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    s.request(Long.MAX_VALUE);
  }

  @Override
  public void onNext(List<ByteBuffer> items) {
    for (ByteBuffer item : items) {
      if (buffer.size() + (long) item.remaining() > cap) {
        subscription.cancel();
        result.completeExceptionally(new UpstreamException(UpstreamException.Kind.TOO_LARGE,
            what + " is larger than the " + cap + "-byte bound for metadata"));
        return;
      }
      byte[] chunk = new byte[item.remaining()];
      item.get(chunk);
      buffer.writeBytes(chunk);
    }
  }

  @Override
  public void onError(Throwable t) {
    result.completeExceptionally(t);
  }

  @Override
  public void onComplete() {
    result.complete(buffer.toByteArray());
  }
}
