package dev.keyward.client;

import dev.keyward.core.discovery.HostPort;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where a volume client looks for its host (SPEC §11): the DNS server to ask ({@code --dns
 * HOST:PORT} or {@code KEYWARD_DNS}; the system's resolver when empty) and the machine's own domain
 * (a machine file's {@code domain:}; the system's search domain when empty).
 */
public record VolumeNetwork(
    Optional<HostPort> dnsServer, Supplier<Optional<String>> machineDomain) {
  public static VolumeNetwork system() {
    return new VolumeNetwork(Optional.empty(), Optional::empty);
  }
}
