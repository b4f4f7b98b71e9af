package dev.tollgate.policy.typosquat;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * A fixed-size, open-addressing multimap from 64-bit string hashes to name ids. The deletion index
 * holds about twenty entries per protected name (two million for 100,000 names); as strings in a
 * {@code HashMap} they would cost several hundred megabytes, here they cost 24 bytes each. Two
 * strings can share a hash, so callers verify every id they get.
 */
final class HashedIds {

  private static final int EMPTY = -1;

  private final long[] hashes;
  private final int[] ids;

  /** Room for {@code entries} entries, the table kept at most half full so lookups stay short. */
  HashedIds(int entries) {
    int slots = Math.max(2, entries * 2);
    hashes = new long[slots];
    ids = new int[slots];
    Arrays.fill(ids, EMPTY);
  }

  /** Adds one entry; at most the number given to the constructor may be added. */
  void add(long hash, int id) {
    int slot = slotOf(hash);
    while (ids[slot] != EMPTY) {
      slot = next(slot);
    }
    hashes[slot] = hash;
    ids[slot] = id;
  }

  /** Passes each id stored under {@code hash} to {@code action}. */
  void forEach(long hash, IntConsumer action) {
    for (int slot = slotOf(hash); ids[slot] != EMPTY; slot = next(slot)) {
      if (hashes[slot] == hash) {
        action.accept(ids[slot]);
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
    return hash;
  }

  private int slotOf(long hash) {
    long mixed = (hash ^ (hash >>> 33)) * 0xff51afd7ed558ccdL;
    return (int) Long.remainderUnsigned(mixed ^ (mixed >>> 33), hashes.length);
  }

  private int next(int slot) {
    return slot + 1 == hashes.length ? 0 : slot + 1;
  }
}
