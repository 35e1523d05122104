package dev.keyward.authority.console;

import dev.keyward.core.catalog.CatalogLoader;
import dev.keyward.core.catalog.Product;
import dev.keyward.core.hardware.Component;
import dev.keyward.core.hardware.ComponentHash;
import dev.keyward.core.hardware.HardwareIdentity;
import dev.keyward.core.key.KeyDecoding;
import dev.keyward.core.key.KeyPayload;
import dev.keyward.core.key.ProductKeyCodec;
import dev.keyward.core.phone.HardwareFingerprint;
import dev.keyward.core.phone.InstallationId;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;

/**
 * Installation IDs of made-up machines for a key, as a machine's {@code slmgr /dti} would show
 * them: what a customer reads out to the activation center.
 */
final class ConsoleIids {
  private static final Product WINSERVER =
      CatalogLoader.winserver().product("winserver").orElseThrow();

  private ConsoleIids() {}

  /** The installation ID of machine number {@code machine} (any number: its hardware's seed). */
  static InstallationId of(String key, String version, String edition, long machine) {
    KeyPayload payload = ((KeyDecoding.Decoded) ProductKeyCodec.decode(key, g -> true)).payload();
    Random random = new Random(machine);
    Map<Component, ComponentHash> hashes = new EnumMap<>(Component.class);
    for (Component c : Component.values()) {
      byte[] b = new byte[16];
      random.nextBytes(b);
      hashes.put(c, new ComponentHash(HexFormat.of().formatHex(b)));
    }
    return InstallationId.of(
        payload,
        WINSERVER.versions().indexOf(version),
        WINSERVER.editions().stream().map(e -> e.id()).toList().indexOf(edition),
        HardwareFingerprint.of(new HardwareIdentity(hashes)));
  }
}
