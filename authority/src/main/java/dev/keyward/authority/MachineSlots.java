package dev.keyward.authority;

import dev.keyward.core.hardware.HardwareIdentity;
import java.util.Arrays;

/**
 * One generation of one segment of {@link MachineTable}: open addressing over a power of two of
 * slots, each slot the id packed in two longs, the identity's longs and the stored text's hash and
 * length. The slots double when they would be fuller than the segment's load limit, between 3/8 and
 * 5/8 of them (see {@link MachineTable}: the segments' limits differ so that they do not all double
 * at the same moment). Not thread-safe: its segment's lock guards it.
 */
final class MachineSlots {
  // Slots start few and double as entries come, up to twice the table's limit or more (a power of
  // two; a segment normally holds a thirty-second of the entries, but nothing breaks if it holds
  // them all): an authority with a few thousand activations does not hold arrays sized for a
  // hundred thousand.
  private static final int FIRST_CAPACITY = 64;

  final int maxCapacity;
  // The slots double when more than this many 1,024ths of them would be taken.
  private final int loadPer1024;
  long[] ids; // hi, lo per slot; hi == MachineTable.EMPTY for a free slot
  long[] bits; // HardwareIdentity.LONGS per slot
  int[] text; // hash, length per slot
  int mask;
  int size;

  MachineSlots(int maxCapacity, int loadPer1024) {
    if (loadPer1024 <= 0 || loadPer1024 > 768) {
      throw new IllegalArgumentException("load limit out of range: " + loadPer1024 + "/1024");
    }
    this.maxCapacity = maxCapacity;
    this.loadPer1024 = loadPer1024;
    allocate(Math.min(FIRST_CAPACITY, maxCapacity));
  }

  private void allocate(int capacity) {
    ids = new long[2 * capacity];
    bits = new long[HardwareIdentity.LONGS * capacity];
    text = new int[2 * capacity];
    mask = capacity - 1;
    clear();
  }

  void clear() {
    Arrays.fill(ids, MachineTable.EMPTY);
    size = 0;
  }

  /** Doubles the slots when one more entry would pass the load limit (up to their most). */
  private void growIfFull() {
    int capacity = mask + 1;
    if ((size + 1L) * 1024 <= (long) capacity * loadPer1024 || capacity >= maxCapacity) {
      return;
    }
    long[] oldIds = ids;
    long[] oldBits = bits;
    int[] oldText = text;
    allocate(2 * capacity);
    for (int at = 0; at < capacity; at++) {
      long hi = oldIds[2 * at];
      if (hi != MachineTable.EMPTY) {
        int to = free(hi, oldIds[2 * at + 1]);
        ids[2 * to] = hi;
        ids[2 * to + 1] = oldIds[2 * at + 1];
        text[2 * to] = oldText[2 * at];
        text[2 * to + 1] = oldText[2 * at + 1];
        System.arraycopy(
            oldBits,
            HardwareIdentity.LONGS * at,
            bits,
            HardwareIdentity.LONGS * to,
            HardwareIdentity.LONGS);
        size++;
      }
    }
  }

  /** The slot of this id, or the free slot where it goes. */
  private int free(long hi, long lo) {
    int at = start(hi, lo);
    while (ids[2 * at] != MachineTable.EMPTY && !(ids[2 * at] == hi && ids[2 * at + 1] == lo)) {
      at = (at + 1) & mask;
    }
    return at;
  }

  /** The slot holding this id, or -1. */
  int slotOf(long hi, long lo) {
    for (int at = start(hi, lo); ; at = (at + 1) & mask) {
      long h = ids[2 * at];
      if (h == MachineTable.EMPTY) {
        return -1;
      }
      if (h == hi && ids[2 * at + 1] == lo) {
        return at;
      }
    }
  }

  /** Writes the entry; true if its id was not here before. */
  boolean put(long hi, long lo, int textHash, int textLength, HardwareIdentity identity) {
    growIfFull();
    int at = free(hi, lo);
    boolean added = ids[2 * at] == MachineTable.EMPTY;
    if (added) {
      size++;
    }
    ids[2 * at] = hi;
    ids[2 * at + 1] = lo;
    text[2 * at] = textHash;
    text[2 * at + 1] = textLength;
    identity.copyBits(bits, HardwareIdentity.LONGS * at);
    return added;
  }

  int capacity() {
    return mask + 1;
  }

  boolean matches(int at, boolean checkText, int hash, int length) {
    return !checkText || (text[2 * at] == hash && text[2 * at + 1] == length);
  }

  HardwareIdentity identity(int at) {
    return HardwareIdentity.fromBits(bits, HardwareIdentity.LONGS * at);
  }

  private int start(long hi, long lo) {
    return (int) (MachineTable.mix(hi, lo) >>> 32) & mask;
  }
}
