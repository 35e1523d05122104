package dev.keyward.compliance;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Core licenses held, pooled by edition and version: entitlements of the same edition and version
 * are interchangeable, so where they were bought does not matter, only how many remain.
 */
final class CorePools {
  private final Map<ServerEdition, TreeMap<ServerVersion, Long>> remaining =
      new EnumMap<>(ServerEdition.class);

  CorePools(List<CoreEntitlement> entitlements) {
    for (CoreEntitlement held : entitlements) {
      remaining
          .computeIfAbsent(held.edition(), edition -> new TreeMap<>())
          .merge(held.version(), held.coreLicenses(), Long::sum);
    }
  }

  /** Licenses left of {@code edition} at {@code atLeast} or later: what may cover such a host. */
  long available(ServerEdition edition, ServerVersion atLeast) {
    return eligible(edition, atLeast).values().stream().mapToLong(Long::longValue).sum();
  }

  /**
   * Takes up to {@code wanted} licenses, oldest eligible version first, so that newer licenses
   * (which cover more hosts) stay available as long as possible.
   */
  List<CoreAssignment> take(ServerEdition edition, ServerVersion atLeast, int wanted) {
    List<CoreAssignment> taken = new ArrayList<>();
    int still = wanted;
    for (Map.Entry<ServerVersion, Long> pool : eligible(edition, atLeast).entrySet()) {
      if (still == 0) {
        break;
      }
      int amount = (int) Math.min(still, pool.getValue());
      if (amount > 0) {
        pool.setValue(pool.getValue() - amount);
        taken.add(new CoreAssignment(edition, pool.getKey(), amount));
        still -= amount;
      }
    }
    return taken;
  }

  /** What is left, per edition and version, zero pools included. */
  Map<ServerEdition, NavigableMap<ServerVersion, Long>> remaining() {
    Map<ServerEdition, NavigableMap<ServerVersion, Long>> copy = new EnumMap<>(ServerEdition.class);
    remaining.forEach((edition, pools) -> copy.put(edition, new TreeMap<>(pools)));
    return copy;
  }

  private NavigableMap<ServerVersion, Long> eligible(ServerEdition edition, ServerVersion atLeast) {
    TreeMap<ServerVersion, Long> pools = remaining.get(edition);
    return pools == null ? new TreeMap<>() : pools.tailMap(atLeast, true);
  }
}
