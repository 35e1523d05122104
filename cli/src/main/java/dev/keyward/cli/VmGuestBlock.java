package dev.keyward.cli;

import dev.keyward.client.KeywardClient;
import dev.keyward.client.VmGuestLicense;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The host-based VM activation block of {@code slmgr /dlv} (SPEC §12; {@code --json}: {@code
 * vmGuest}), for a guest with a VM activation key: its channel and the host that activated it.
 */
final class VmGuestBlock {
  private VmGuestBlock() {}

  static Optional<Map<String, Object>> of(KeywardClient client, String product) {
    return VmGuestLicense.block(client, product);
  }

  static List<String> lines(Map<String, Object> block) {
    List<String> lines = new ArrayList<>();
    lines.add("Host-based VM activation information:");
    lines.add("    Host agent channel: " + orNone(block.get("vmHost")));
    if (block.get("hostId") != null) {
      lines.add(
          "    Activated by host "
              + block.get("hostId")
              + " ("
              + block.get("hostEdition")
              + " "
              + block.get("hostVersion")
              + ") at "
              + block.get("activatedAt"));
      lines.add("    Activation expires: " + block.get("expiresAt"));
    } else {
      lines.add("    Not activated by a host agent yet (keyward slmgr /ato).");
    }
    if (block.get("problem") != null) {
      lines.add("    The kept activation proves nothing: " + block.get("problem"));
    }
    return lines;
  }

  private static String orNone(Object value) {
    return value == null ? "(none: the machine file has no vmHost: line)" : value.toString();
  }
}
