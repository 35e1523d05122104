package dev.keyward.lab.scenario;

import dev.keyward.core.hardware.LabProfile;
import java.util.Optional;

/**
 * A simulated machine and what is installed on it.
 *
 * @param product empty: the catalog's only product
 * @param oem whether its firmware carries the catalog's OEM marker
 */
public record MachineSpec(
    String name,
    LabProfile profile,
    Optional<String> product,
    String version,
    String edition,
    boolean oem) {}
