package dev.tollgate.policy.typosquat;

import java.util.function.IntConsumer;

/**
 * A fixed-size, open-addressing multimap from string hashes to name ids, packed into one
 * {@code long} per entry (the top 40 bits of the hash, then the id). The deletion index holds about
 * twenty entries per protected name (two million for 100,000 names); as strings in a
 * {@code HashMap} they would cost several hundred megabytes, here 16 bytes each, and a lookup
 * touches one array. Two strings can share a hash, so callers verify every id they get.
 */
final class HashedIds {

  /** Ids take the low bits of an entry: up to 16,777,215 names per ecosystem. */
  private static final int ID_BITS = 24;

  private static final long ID_MASK = (1L << ID_BITS) - 1;
  private static final long EMPTY = 0;

  private final long[] entries;

  /** Room for {@code count} entries, the table kept at most half full so lookups stay short. */
  HashedIds(int count) {
    entries = new long[Math.max(2, count * 2)];
  }

  /** Adds one entry; at most the number given to the constructor may be added. */
  void add(long hash, int id) {
    if (id >= ID_MASK) {
      throw new IllegalArgumentException("too many protected names: " + id);
    }
    int slot = slotOf(hash);
    while (entries[slot] != EMPTY) {
      slot = next(slot);
    }
    entries[slot] = (hash & ~ID_MASK) | (id + 1);
  }

  /** Passes each id stored under {@code hash} to {@code action}. */
  void forEach(long hash, IntConsumer action) {
    long wanted = hash & ~ID_MASK;
    for (int slot = slotOf(hash); entries[slot] != EMPTY; slot = next(slot)) {
      if ((entries[slot] & ~ID_MASK) == wanted) {
        action.accept((int) (entries[slot] & ID_MASK) - 1);
      }
    }
  }

  /** 64-bit FNV-1a of {@code text} without the character at {@code skipped} (-1: skip none). */
  static long hashWithout(String text, int skipped) {
    long hash = 0xcbf29ce484222325L;
    for (int i = 0; i < text.length(); i++) {
      if (i != skipped) {
        hash = (hash ^ text.charAt(i)) * 0x100000001b3L;
      }
    }
    return mixed(hash);
  }

  /** Spreads every input bit over the high bits, which pick the slot and are stored. */
  private static long mixed(long hash) {
    long h = (hash ^ (hash >>> 33)) * 0xff51afd7ed558ccdL;
    h = (h ^ (h >>> 33)) * 0xc4ceb9fe1a85ec53L;
    return h ^ (h >>> 33);
  }

  private int slotOf(long hash) {
    return (int) Long.remainderUnsigned(hash >>> ID_BITS, entries.length);
  }

  private int next(int slot) {
    return slot + 1 == entries.length ? 0 : slot + 1;
  }
}
