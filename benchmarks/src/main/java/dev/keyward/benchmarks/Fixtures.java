package dev.keyward.benchmarks;

import dev.keyward.core.catalog.Catalog;
import dev.keyward.core.catalog.CatalogLoader;
import dev.keyward.core.catalog.KeyGroup;
import dev.keyward.core.catalog.Product;
import dev.keyward.core.hardware.Component;
import dev.keyward.core.hardware.ComponentHash;
import dev.keyward.core.hardware.HardwareIdentity;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.SplittableRandom;

/** What the JMH benchmarks share: the built-in catalog and random machines. */
final class Fixtures {
  static final Catalog CATALOG = CatalogLoader.winserver();
  static final Product PRODUCT = CATALOG.product("winserver").orElseThrow();

  private Fixtures() {}

  static KeyGroup group(int number) {
    return CATALOG.keyGroup(number).orElseThrow();
  }

  /** Ten random component hashes. */
  static HardwareIdentity machine(SplittableRandom random) {
    Map<Component, ComponentHash> hashes = new EnumMap<>(Component.class);
    for (Component c : Component.values()) {
      hashes.put(c, new ComponentHash(hex(random, 16)));
    }
    return new HardwareIdentity(hashes);
  }

  /** A machine after a hardware change: {@code changed} of its components replaced. */
  static HardwareIdentity changed(HardwareIdentity machine, int changed, SplittableRandom random) {
    Map<Component, ComponentHash> hashes = new EnumMap<>(machine.hashes());
    Component[] all = Component.values();
    for (int i = 0; i < changed; i++) {
      hashes.put(all[i], new ComponentHash(hex(random, 16)));
    }
    return new HardwareIdentity(hashes);
  }

  static String hex(SplittableRandom random, int bytes) {
    byte[] b = new byte[bytes];
    random.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }
}
