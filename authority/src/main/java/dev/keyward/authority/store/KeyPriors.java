package dev.keyward.authority.store;

import dev.keyward.authority.crypto.Ids;
import dev.keyward.core.channel.MachineHardware;
import dev.keyward.core.channel.PriorActivation;
import java.util.Arrays;
import java.util.List;

/**
 * A key's activations' ids and machines in the order a decision read them. The next decision of the
 * key reads the same rows in the same order (by issue time, new ones last), so each row's machine
 * is found by comparing its id with the one at the same position, instead of a lookup in a cache of
 * every activation (a multiple activation key has up to a pool's size of them, read at each of its
 * decisions inside the transaction). An id decides: components never change.
 *
 * <p>Ids are held packed ({@link Ids#packed}: two longs an id, side by side), not as strings: a
 * decision compares every position, twice (reading, then absorbing), and a memo's strings, kept for
 * hours, were each two cache misses away (the string, then its bytes); up to a pool's size of them
 * at each decision on SQLite's one writer. An id that does not pack is kept as its string.
 *
 * <p>On SQLite's writer a memo is more: read at an epoch of {@link ActivationChanges} that has not
 * moved on since, it holds the key's activations as the database does (its own grants appended),
 * and the key's next decision uses it without reading them ({@link ActivationStore#priors}).
 */
public final class KeyPriors {
  // Filled up to size; size is written after the entries and read before them, so a decision on
  // another thread (the key's next, after this one's transaction) sees whole entries. Only a
  // decision holding its key's lock changes a memo (DecisionRead, inside Database.write: SQLite's
  // one writer thread, PostgreSQL's key row FOR UPDATE), so two appends never race.
  private long[] packed; // two an entry; Ids.NOT_PACKED first for an id kept in unpacked
  private String[] unpacked; // null where the id is packed
  private ActivationStore.Prior[] rows;
  private PriorActivation[] forRules; // each row as the rules look at it, made once
  private volatile int size;
  // which of a key's activations (one memo a key: a grant appends to that one only)
  private final ActivationStore.Rows kind;
  // SQLite's writer: the ActivationChanges and the epoch at which this memo held what the database
  // holds (fresh); null on PostgreSQL, where a memo is only ever a cache of machines.
  private ActivationChanges changes;
  private long freshAt;
  // false once a grant came before the last row in the read's order (a clock set back)
  private boolean inOrder = true;

  private KeyPriors(ActivationStore.Rows kind, int capacity) {
    this.kind = kind;
    packed = new long[2 * capacity];
    unpacked = new String[capacity];
    rows = new ActivationStore.Prior[capacity];
    forRules = new PriorActivation[capacity];
  }

  static KeyPriors of(List<ActivationStore.Prior> read, ActivationStore.Rows kind) {
    KeyPriors priors = new KeyPriors(kind, Math.max(4, read.size()));
    priors.append(read, 0);
    return priors;
  }

  /**
   * Makes this memo hold {@code read} if it is this memo's activations followed by none or more (a
   * key's next decision after a grant: one more, last); false if it is something else (an
   * activation gone, or another order), for which the caller remembers a new memo.
   *
   * <p>Why in place: a multiple activation key's memo was rebuilt at each of its decisions, two
   * arrays of up to a pool's size, and each rebuilt memo outlived the next young collection: most
   * of the ~7 MB the collector copied at each young pause under load (2.7–3.2 MB since). Appending
   * copies the arrays only when they double.
   */
  boolean absorb(List<ActivationStore.Prior> read) {
    int n = size;
    if (read.size() < n) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if (!holds(i, read.get(i).id())) {
        return false;
      }
    }
    // the same activations, as read now (one may have been released since)
    for (int i = 0; i < n; i++) {
      if (!rows[i].sameAs(read.get(i))) {
        set(i, read.get(i));
      }
    }
    append(read, n);
    return true;
  }

  private void append(List<ActivationStore.Prior> read, int from) {
    if (read.size() > rows.length) {
      grow(Math.max(read.size(), 2 * rows.length));
    }
    for (int i = from; i < read.size(); i++) {
      set(i, read.get(i));
    }
    size = read.size();
    inOrder = true; // what was read is in the read's order
  }

  /** Which of its key's activations this memo holds. */
  public ActivationStore.Rows kind() {
    return kind;
  }

  /** How many activations this memo holds. */
  int size() {
    return size;
  }

  /**
   * Appends the activation a decision of this key is granting, so that the key's next decision
   * finds its machine here rather than in the table of every activation's machine (before this, the
   * one lookup a decision still made: the newest activation, its key's previous grant). Call it
   * while holding the key's lock, before the statement that commits (the lock goes with it). If the
   * grant is then rolled back, the next decision reads one row fewer than this memo holds, or
   * another id at its position: {@link #absorb} refuses and a new memo is made; an id never names
   * another activation, so no machine is ever taken for another's.
   */
  void granted(ActivationStore.Prior grant) {
    int n = size;
    if (n == rows.length) {
      grow(2 * n);
    }
    if (n > 0 && !ordered(rows[n - 1], grant)) {
      inOrder = false;
    }
    set(n, grant);
    size = n + 1;
    if (changes != null) {
      changes.announce(grant.id());
    }
  }

  // the read's order: ORDER BY issued_at, id (ids are ASCII: SQLite's byte order is String's)
  private static boolean ordered(ActivationStore.Prior before, ActivationStore.Prior after) {
    int byTime = Long.compare(before.issuedAt(), after.issuedAt());
    return byTime < 0 || (byTime == 0 && before.id().compareTo(after.id()) < 0);
  }

  /**
   * Marks this memo as holding exactly the key's activations now, at {@code changes}' epoch
   * (SQLite's writer, just after reading them); with null (PostgreSQL), as never to be used without
   * a read.
   */
  void readAt(ActivationChanges changes) {
    this.changes = changes;
    this.freshAt = changes == null ? 0 : changes.epoch();
  }

  /**
   * Whether this memo holds the key's activations as the database holds them for a decision on
   * SQLite's writer now: read at the writer's current epoch, nothing since but this writer's own
   * grants (which it appended), and still in the read's order.
   */
  boolean freshFor(ActivationChanges now) {
    return now != null && changes == now && freshAt == now.epoch() && inOrder;
  }

  /** The activations held, in the read's order (a copy: grants append to the memo). */
  List<ActivationStore.Prior> list() {
    return Arrays.asList(Arrays.copyOf(rows, size));
  }

  /** The same, as the rules look at them (a copy). */
  List<PriorActivation> forRules() {
    return Arrays.asList(Arrays.copyOf(forRules, size));
  }

  /** The machine at {@code position} if it is the activation {@code id}'s, else null. */
  MachineHardware at(int position, String id) {
    if (position >= size) {
      return null;
    }
    return holds(position, id) ? rows[position].machine() : null;
  }

  private boolean holds(int position, String id) {
    long first = packed[2 * position];
    if (first == Ids.NOT_PACKED) {
      return unpacked[position].equals(id);
    }
    return first == Ids.packed(id, false) && packed[2 * position + 1] == Ids.packed(id, true);
  }

  private void set(int position, ActivationStore.Prior row) {
    String id = row.id();
    long first = Ids.packed(id, false);
    long second = Ids.packed(id, true);
    boolean packs = first != Ids.NOT_PACKED && second != Ids.NOT_PACKED;
    packed[2 * position] = packs ? first : Ids.NOT_PACKED;
    packed[2 * position + 1] = packs ? second : Ids.NOT_PACKED;
    unpacked[position] = packs ? null : id;
    rows[position] = row;
    forRules[position] = row.forRules();
  }

  private void grow(int capacity) {
    packed = Arrays.copyOf(packed, 2 * capacity);
    unpacked = Arrays.copyOf(unpacked, capacity);
    rows = Arrays.copyOf(rows, capacity);
    forRules = Arrays.copyOf(forRules, capacity);
  }
}
