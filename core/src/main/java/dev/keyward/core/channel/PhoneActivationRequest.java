package dev.keyward.core.channel;

import dev.keyward.core.phone.HardwareFingerprint;
import java.util.Objects;
import java.util.Optional;

/**
 * What an installation ID asks the authority, by phone or in a proxy activation request file:
 * activate this key for what is installed, on this hardware. It carries no clock, so there is no
 * clock-skew check; the OEM marker and the lab flag are what the caller was told (the customer, or
 * the machine that wrote the request file), as self-declared as online.
 *
 * @param installed product, version and edition the installation ID names
 * @param machine the installation ID's short component hashes
 * @param oemMarker the machine's OEM marker, when given
 * @param simulated whether the machine said it is a lab machine
 */
public record PhoneActivationRequest(
    Installation installed,
    HardwareFingerprint machine,
    Optional<String> oemMarker,
    boolean simulated) {
  public PhoneActivationRequest {
    Objects.requireNonNull(installed, "installed");
    Objects.requireNonNull(machine, "machine");
    Objects.requireNonNull(oemMarker, "oemMarker");
  }
}
