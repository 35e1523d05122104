package dev.keyward.compliance;

import java.util.Objects;

/**
 * A physical server of the inventory.
 *
 * @param name how the inventory names it; unique within one input
 * @param processors physical processors (sockets)
 * @param coresPerProcessor physical cores of each processor
 * @param edition the installed edition (Server Core installations map to their edition)
 * @param version the installed version
 * @param vms virtual operating system environments (VMs) running on it
 */
public record Host(
    String name,
    int processors,
    int coresPerProcessor,
    ServerEdition edition,
    ServerVersion version,
    int vms) {
  public Host {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(edition, "edition");
    Objects.requireNonNull(version, "version");
    if (processors < 1 || coresPerProcessor < 1 || vms < 0) {
      throw new IllegalArgumentException(
          "host " + name + ": processors and cores must be >= 1 and vms >= 0");
    }
  }

  public int physicalCores() {
    return processors * coresPerProcessor;
  }
}
