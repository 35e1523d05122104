package dev.keyward.hardware.oshi;

import dev.keyward.core.hardware.ComponentValues;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import oshi.hardware.NetworkIF;

/**
 * Chooses the primary NIC: an interface that is up, not loopback and has a MAC address. Among
 * those, a globally unique MAC (as network cards ship with) goes before a locally administered one
 * (as bridges and container interfaces make up), then the lowest interface index: the NIC the
 * operating system brought up first, which containers and VPNs added later cannot displace.
 */
final class PrimaryNic {
  private record Candidate(String mac, boolean locallyAdministered, int index, String name) {}

  private PrimaryNic() {}

  static Optional<String> macOf(List<NetworkIF> interfaces) {
    return interfaces.stream()
        .filter(nic -> nic.getIfOperStatus() == NetworkIF.IfOperStatus.UP)
        .filter(nic -> !isLoopback(nic))
        .flatMap(nic -> candidate(nic).stream())
        .min(
            Comparator.comparing(Candidate::locallyAdministered)
                .thenComparingInt(Candidate::index)
                .thenComparing(Candidate::name))
        .map(Candidate::mac);
  }

  private static Optional<Candidate> candidate(NetworkIF nic) {
    return ComponentValues.mac(nic.getMacaddr())
        .map(mac -> new Candidate(mac, isLocallyAdministered(mac), index(nic), nic.getName()));
  }

  /** Bit 1 of the first octet marks an address not assigned by the card's maker. */
  static boolean isLocallyAdministered(String mac) {
    return (Integer.parseInt(mac.substring(0, 2), 16) & 0x02) != 0;
  }

  private static boolean isLoopback(NetworkIF nic) {
    try {
      NetworkInterface java = nic.queryNetworkInterface();
      return java != null && java.isLoopback();
    } catch (SocketException e) {
      return false;
    }
  }

  private static int index(NetworkIF nic) {
    NetworkInterface java = nic.queryNetworkInterface();
    return java == null ? Integer.MAX_VALUE : java.getIndex();
  }
}
