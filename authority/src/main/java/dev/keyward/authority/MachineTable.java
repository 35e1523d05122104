package dev.keyward.authority;

import dev.keyward.authority.crypto.Ids;
import dev.keyward.core.hardware.HardwareIdentity;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The hardware identities of stored activations by activation id, in arrays of primitives: an
 * open-addressing table whose slot holds the id packed in two longs, the identity's twenty longs
 * and the stored text's hash and length.
 *
 * <p>Why not a map of objects: the authority remembers the machine of every activation it grants or
 * reads (a decision compares a key's prior activations, up to a pool's size, inside the
 * transaction). As objects that was about 330 bytes an activation in seven objects, each of which
 * the garbage collector copied once or twice after it was made: at 6,000 activations a second the
 * young pauses (10 to 20 ms, the open-loop tail) were mostly this copying. Here a remembered
 * machine is written into arrays that live in the old generation and hold no references, so it
 * costs the collector nothing; a lookup makes a short-lived identity that dies young.
 *
 * <p>Bounded like {@link Generations}: a young and an old generation of at most {@code limit}
 * entries each; when the young one is full the old one is emptied and becomes the young one, and an
 * entry found only in the old one moves back. Only ids as {@code Ids} makes them ({@code act-} and
 * 20 symbols, which pack without loss into 100 bits) are kept; {@link #put} says when it cannot
 * keep one.
 *
 * <p>The entries are spread over {@link #SEGMENTS} segments by their id's hash, each with its own
 * lock and slots that double as its entries come. One table of slots for all had to rehash all its
 * entries at each doubling while every activation waited for its lock: 12 to 30 ms at 32,768 and
 * 65,536 entries on an idle machine, and a stall of a hundred milliseconds and more in the
 * open-loop benchmark, where the doubling of a 40 MB array also forced a concurrent collection. A
 * segment doubles a thirty-second of that. The generations still turn over for the whole table at
 * once (under the turn-over lock's write side), so which entries are kept is exactly what one table
 * kept: the last {@code limit} put, or a few more when puts run concurrently with a turn-over.
 *
 * <p>Segments fill at the same pace (ids spread evenly), so with one load limit for all they
 * doubled within a second of each other: at 100,000 entries a generation, 48 MB of new slot arrays
 * in one young collection's window, all of it live, which made that collection copy it (a 45 to 60
 * ms pause, twice in a process's life, at the start of every benchmark's 80 % phase). Each segment
 * has its own load limit instead, from 3/8 to 5/8 of its slots: the doublings from one size to the
 * next spread over the time the entries take to grow by two thirds.
 */
final class MachineTable {
  static final int SEGMENTS = 32;

  static final long EMPTY = Ids.NOT_PACKED; // no packed id is negative: 50 bits each

  private final int limit;
  private final Segment[] segments = new Segment[SEGMENTS];
  // Read side: any get or put (they lock their segment too). Write side: the turn-over.
  private final ReentrantReadWriteLock turnover = new ReentrantReadWriteLock();
  private final AtomicInteger youngSize = new AtomicInteger();

  MachineTable(int limit) {
    this.limit = limit;
    int maxCapacity = Integer.highestOneBit(Math.max(4, limit) * 2 - 1) << 1;
    for (int i = 0; i < SEGMENTS; i++) {
      segments[i] = new Segment(maxCapacity, loadLimit(i));
    }
  }

  /**
   * Segment {@code i}'s load limit in 1,024ths: 384 (3/8) for the first, 640 (5/8) for the last.
   */
  static int loadLimit(int i) {
    return 384 + i * 256 / (SEGMENTS - 1);
  }

  /** How many slots the table holds, both generations (what its arrays weigh, for tests). */
  int slots() {
    Lock shared = turnover.readLock();
    shared.lock();
    try {
      int slots = 0;
      for (Segment segment : segments) {
        synchronized (segment) {
          slots += segment.young.capacity() + segment.old.capacity();
        }
      }
      return slots;
    } finally {
      shared.unlock();
    }
  }

  /** The identity remembered for this activation, or null. */
  HardwareIdentity get(String activationId) {
    return find(activationId, false, 0, 0);
  }

  /** The identity remembered for this activation if it was read from this very text, or null. */
  HardwareIdentity get(String activationId, String text) {
    return find(activationId, true, text.hashCode(), text.length());
  }

  /**
   * Remembers the identity of an activation stored with this text (its components); false if the id
   * is not one this table can hold.
   */
  boolean put(String activationId, String text, HardwareIdentity identity) {
    long hi = Ids.packed(activationId, false);
    long lo = Ids.packed(activationId, true);
    if (hi == EMPTY || lo == EMPTY) {
      return false;
    }
    turnOverIfFull();
    Lock shared = turnover.readLock();
    shared.lock();
    try {
      Segment segment = segmentOf(hi, lo);
      synchronized (segment) {
        segment.putYoung(hi, lo, text.hashCode(), text.length(), identity);
      }
    } finally {
      shared.unlock();
    }
    return true;
  }

  private HardwareIdentity find(String activationId, boolean checkText, int hash, int length) {
    long hi = Ids.packed(activationId, false);
    long lo = Ids.packed(activationId, true);
    if (hi == EMPTY || lo == EMPTY) {
      return null;
    }
    Segment segment = segmentOf(hi, lo);
    Found found;
    Lock shared = turnover.readLock();
    shared.lock();
    try {
      synchronized (segment) {
        found = segment.find(hi, lo, checkText, hash, length);
      }
    } finally {
      shared.unlock();
    }
    if (found == null) {
      return null;
    }
    if (found.old()) {
      // Found only in the old generation: moved into the young one (which may turn over first,
      // emptying the old one: the identity is out of it already).
      turnOverIfFull();
      shared.lock();
      try {
        synchronized (segment) {
          segment.putYoung(hi, lo, found.textHash(), found.textLength(), found.identity());
        }
      } finally {
        shared.unlock();
      }
    }
    return found.identity();
  }

  private record Found(HardwareIdentity identity, int textHash, int textLength, boolean old) {}

  /** Empties the old generation and makes it the young one, once the young one is full. */
  private void turnOverIfFull() {
    if (youngSize.get() < limit) {
      return;
    }
    Lock exclusive = turnover.writeLock();
    exclusive.lock();
    try {
      if (youngSize.get() >= limit) {
        for (Segment segment : segments) {
          segment.turnOver();
        }
        youngSize.set(0);
      }
    } finally {
      exclusive.unlock();
    }
  }

  private Segment segmentOf(long hi, long lo) {
    return segments[(int) (mix(hi, lo) >>> 59)]; // the top five bits; slots use bits 32 and up
  }

  static long mix(long hi, long lo) {
    // The low half holds the id's 55 random bits (its first symbols are its time): mixed, so
    // consecutive ids spread over segments and slots.
    return (lo ^ hi * 0x9E3779B97F4A7C15L) * 0xBF58476D1CE4E5B9L;
  }

  /** One segment's two generations. */
  private final class Segment {
    private MachineSlots young;
    private MachineSlots old;

    Segment(int maxCapacity, int loadPer1024) {
      young = new MachineSlots(maxCapacity, loadPer1024);
      old = new MachineSlots(maxCapacity, loadPer1024);
    }

    Found find(long hi, long lo, boolean checkText, int hash, int length) {
      int at = young.slotOf(hi, lo);
      if (at >= 0) {
        return young.matches(at, checkText, hash, length)
            ? new Found(young.identity(at), 0, 0, false)
            : null;
      }
      at = old.slotOf(hi, lo);
      if (at < 0 || !old.matches(at, checkText, hash, length)) {
        return null;
      }
      return new Found(old.identity(at), old.text[2 * at], old.text[2 * at + 1], true);
    }

    void putYoung(long hi, long lo, int textHash, int textLength, HardwareIdentity identity) {
      if (young.put(hi, lo, textHash, textLength, identity)) {
        youngSize.incrementAndGet();
      }
    }

    void turnOver() {
      MachineSlots emptied = old;
      emptied.clear();
      old = young;
      young = emptied;
    }
  }
}
