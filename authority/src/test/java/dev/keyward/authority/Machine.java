package dev.keyward.authority;

import dev.keyward.core.hardware.Component;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** A test machine as the authority sees it: ten random component hashes and a CMID. */
record Machine(Map<String, String> components, String cmid) {
  static Machine random() {
    Map<String, String> c = new LinkedHashMap<>();
    for (Component component : Component.values()) {
      c.put(component.fileName(), hex());
    }
    return new Machine(c, UUID.randomUUID().toString());
  }

  private static String hex() {
    byte[] b = new byte[16];
    ThreadLocalRandom.current().nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  /** The same machine with its first {@code n} components changed (n > 3: out of tolerance). */
  Machine changed(int n) {
    Map<String, String> c = new LinkedHashMap<>(components);
    Component[] all = Component.values();
    for (int i = 0; i < n; i++) {
      c.put(all[i].fileName(), hex());
    }
    return new Machine(c, cmid);
  }
}
