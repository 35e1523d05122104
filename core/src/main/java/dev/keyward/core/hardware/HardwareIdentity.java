package dev.keyward.core.hardware;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a machine looks like to an activation authority: one salted {@link ComponentHash} for each
 * of the ten components, computed on the machine. This is what certificates carry and tolerance
 * compares; the raw {@link MachineFacts} never leave the machine.
 *
 * @param hashes a hash for every component, absent ones included
 */
public record HardwareIdentity(Map<Component, ComponentHash> hashes) {

  public HardwareIdentity {
    Objects.requireNonNull(hashes, "hashes");
    Set<Component> missing = EnumSet.allOf(Component.class);
    missing.removeAll(hashes.keySet());
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(
          "an identity needs a hash for every component: " + missing);
    }
    hashes.values().forEach(hash -> Objects.requireNonNull(hash, "hash"));
    hashes = Collections.unmodifiableMap(new EnumMap<>(hashes));
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

  public ComponentHash hash(Component component) {
    return hashes.get(component);
  }

  /** The components whose hashes differ from {@code other}'s, in canonical order. */
  public Set<Component> differencesFrom(HardwareIdentity other) {
    Set<Component> changed = EnumSet.noneOf(Component.class);
    for (Component component : Component.values()) {
      if (!hash(component).equals(other.hash(component))) {
        changed.add(component);
      }
    }
    return Collections.unmodifiableSet(changed);
  }
}
