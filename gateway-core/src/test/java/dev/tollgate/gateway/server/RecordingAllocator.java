package dev.tollgate.gateway.server;

import io.netty.buffer.AbstractByteBufAllocator;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledDirectByteBuf;
import io.netty.buffer.UnpooledHeapByteBuf;
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

  /** How many buffers allocated so far are still referenced. */
  synchronized long unreleased() {
    return allocated.stream().filter(b -> b.refCnt() > 0).count();
  }
}
