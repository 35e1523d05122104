package dev.keyward.lab.scenario;

import dev.keyward.machines.LabProfile;
import java.util.Optional;

/**
 * A simulated machine and what is installed on it.
 *
 * @param product empty: the catalog's only product
 * @param oem whether its firmware carries the catalog's OEM marker
 * @param domain the DNS domain it belongs to (its machine file's {@code domain:}), where a volume
 *     client looks for the SRV record of its host
 * @param directory the directory it is joined to (directory-based activation, SPEC §12): the
 *     machine that serves it ({@code directory start}); the machine joins it at setup
 * @param host the machine that hosts it as a virtual machine (host-based VM activation, SPEC §12):
 *     its machine file names that host's agent channel
 */
public record MachineSpec(
    String name,
    LabProfile profile,
    Optional<String> product,
    String version,
    String edition,
    boolean oem,
    Optional<String> domain,
    Optional<String> directory,
    Optional<String> host) {
  public MachineSpec {
    java.util.Objects.requireNonNull(domain, "domain");
    java.util.Objects.requireNonNull(directory, "directory");
    java.util.Objects.requireNonNull(host, "host");
  }
}
