package dev.tollgate.gateway.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.buffer.AbstractByteBufAllocator;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledDirectByteBuf;
import io.netty.buffer.UnpooledHeapByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * Hands out ordinary unpooled buffers and remembers each, so a test can assert that the gateway
 * released every buffer it allocated (the leak detector only reports after a garbage collection).
 */
final class RecordingAllocator extends AbstractByteBufAllocator {

  private final List<ByteBuf> allocated = new ArrayList<>();

  @Override
  protected ByteBuf newHeapBuffer(int initialCapacity, int maxCapacity) {
    return record(new UnpooledHeapByteBuf(this, initialCapacity, maxCapacity));
  }

  @Override
  protected ByteBuf newDirectBuffer(int initialCapacity, int maxCapacity) {
    return record(new UnpooledDirectByteBuf(this, initialCapacity, maxCapacity));
  }

  @Override
  public boolean isDirectBufferPooled() {
    return false;
  }

  private synchronized ByteBuf record(ByteBuf buffer) {
    allocated.add(buffer);
    return buffer;
  }

  /** Closes {@code channel}, dropping what it still holds, then fails if a buffer from here is still referenced. */
  synchronized void assertAllReleased(EmbeddedChannel channel) {
    channel.finishAndReleaseAll();
    long unreleased = allocated.stream().filter(b -> b.refCnt() > 0).count();
    assertEquals(0, unreleased, "buffers allocated and never released");
  }
}
