package dev.keyward.core.channel;

import dev.keyward.core.hardware.HardwareIdentity;
import java.time.Instant;
import java.util.Optional;

/**
 * What a machine asks the authority: activate this key for what I have installed, on this hardware.
 *
 * @param installed product, version and edition installed on the machine
 * @param machine the machine's hashed hardware identity
 * @param oemMarker the OEM marker found in the machine's firmware, if any
 * @param simulated whether the machine is a lab machine (refused by a production authority)
 * @param clientTime the machine's clock when it asked
 */
public record ActivationRequest(
    Installation installed,
    HardwareIdentity machine,
    Optional<String> oemMarker,
    boolean simulated,
    Instant clientTime) {}
