package dev.keyward.core.hardware;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a machine looks like to an activation authority: one salted {@link ComponentHash} for each
 * of the ten components, computed on the machine. This is what certificates carry and tolerance
 * compares; the raw {@link MachineFacts} never leave the machine.
 *
 * <p>A value class rather than a record because it holds the ten 128-bit hashes as twenty {@code
 * long}s in component order, and nothing else: the authority compares a machine with every prior
 * activation of a key at every decision (up to a pool's size) and keeps the machines of the
 * activations it has read; two arrays of longs compare in a fraction of the time of twenty map
 * lookups and string comparisons, and take a seventh of the memory of ten hash objects with their
 * text (which the garbage collector copied at every young collection). The hashes as {@link
 * ComponentHash} are made again when asked for.
 */
public final class HardwareIdentity {
  private static final Component[] COMPONENTS = Component.values();
  private static final HexFormat HEX = HexFormat.of();

  // the 128 bits of each component's hash, high then low, in Component order
  private final long[] bits;

  /**
   * @param hashes a hash for every component, absent ones included
   */
  public HardwareIdentity(Map<Component, ComponentHash> hashes) {
    Objects.requireNonNull(hashes, "hashes");
    Set<Component> missing = EnumSet.allOf(Component.class);
    missing.removeAll(hashes.keySet());
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(
          "an identity needs a hash for every component: " + missing);
    }
    hashes.values().forEach(hash -> Objects.requireNonNull(hash, "hash"));
    this.bits = new long[LONGS];
    for (Component component : COMPONENTS) {
      String hex = hashes.get(component).hex();
      int i = 2 * component.ordinal();
      bits[i] = Long.parseUnsignedLong(hex, 0, 16, 16);
      bits[i + 1] = Long.parseUnsignedLong(hex, 16, 32, 16);
    }
  }

  /** How many {@code long}s an identity is ({@link #copyBits}, {@link #fromBits}). */
  public static final int LONGS = 2 * Component.values().length;

  private HardwareIdentity(long[] bits) {
    this.bits = bits;
  }

  /**
   * The identity held at {@code bits[from]} to {@code bits[from + LONGS - 1]}, as {@link #copyBits}
   * wrote it: for tables that keep many identities in one array of longs, which the garbage
   * collector never copies object by object.
   */
  public static HardwareIdentity fromBits(long[] bits, int from) {
    return new HardwareIdentity(Arrays.copyOfRange(bits, from, from + LONGS));
  }

  /** Writes the identity's {@link #LONGS} longs into {@code into} from {@code at}. */
  public void copyBits(long[] into, int at) {
    System.arraycopy(bits, 0, into, at, LONGS);
  }

  /** The identity of {@code machine} for {@code productId}, with Keyward's default salt. */
  public static HardwareIdentity of(MachineFacts machine, String productId) {
    return of(machine, productId, ComponentHasher.DEFAULT_SALT);
  }

  /** The identity of {@code machine} for {@code productId}, hashed with {@code salt}. */
  public static HardwareIdentity of(MachineFacts machine, String productId, String salt) {
    ComponentHasher hasher = new ComponentHasher(salt, productId);
    Map<Component, ComponentHash> hashes = new EnumMap<>(Component.class);
    for (Component component : Component.values()) {
      hashes.put(component, hasher.hash(component, machine.component(component)));
    }
    return new HardwareIdentity(hashes);
  }

  /** The ten hashes by component, in component order (a new map each time). */
  public Map<Component, ComponentHash> hashes() {
    Map<Component, ComponentHash> hashes = new EnumMap<>(Component.class);
    for (Component component : COMPONENTS) {
      hashes.put(component, hash(component));
    }
    return Collections.unmodifiableMap(hashes);
  }

  public ComponentHash hash(Component component) {
    return new ComponentHash(hex(component));
  }

  /**
   * {@code component}'s hash as its 32 hex digits: what certificates and stored components carry,
   * written from the bits without building (and checking again) a {@link ComponentHash}.
   */
  public String hex(Component component) {
    int i = 2 * component.ordinal();
    return HEX.toHexDigits(bits[i]) + HEX.toHexDigits(bits[i + 1]);
  }

  /** Whether {@code component}'s hash differs from {@code other}'s: two comparisons of longs. */
  public boolean differs(Component component, HardwareIdentity other) {
    int i = 2 * component.ordinal();
    return bits[i] != other.bits[i] || bits[i + 1] != other.bits[i + 1];
  }

  /** The components whose hashes differ from {@code other}'s, in canonical order. */
  public Set<Component> differencesFrom(HardwareIdentity other) {
    Set<Component> changed = EnumSet.noneOf(Component.class);
    for (Component component : COMPONENTS) {
      if (differs(component, other)) {
        changed.add(component);
      }
    }
    return Collections.unmodifiableSet(changed);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HardwareIdentity other && Arrays.equals(bits, other.bits);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bits);
  }

  @Override
  public String toString() {
    return "HardwareIdentity[hashes=" + hashes() + "]";
  }
}
