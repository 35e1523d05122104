package dev.keyward.client;

import dev.keyward.core.discovery.HostPort;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where a volume client looks for its host (SPEC §11): the DNS server to ask ({@code --dns
 * HOST:PORT} or {@code KEYWARD_DNS}; the system's resolver when empty) and the machine's own domain
 * (a machine file's {@code domain:}; the system's search domain when empty). A host-based VM
 * activation guest (SPEC §12) reaches its host agent on {@code vmHost} (a machine file's {@code
 * vmHost:}, {@code unix:/PATH} or {@code HOST:PORT}) and is known to it as {@code machineName}.
 */
public record VolumeNetwork(
    Optional<HostPort> dnsServer,
    Supplier<Optional<String>> machineDomain,
    Supplier<Optional<String>> vmHost,
    Supplier<String> machineName) {

  public VolumeNetwork(Optional<HostPort> dnsServer, Supplier<Optional<String>> machineDomain) {
    this(dnsServer, machineDomain, Optional::empty, VolumeNetwork::hostName);
  }

  public static VolumeNetwork system() {
    return new VolumeNetwork(Optional.empty(), Optional::empty);
  }

  /** This computer's name, or {@code localhost} when it has none that resolves. */
  public static String hostName() {
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      return "localhost";
    }
  }
}
