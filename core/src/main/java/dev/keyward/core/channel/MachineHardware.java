package dev.keyward.core.channel;

import dev.keyward.core.hardware.HardwareIdentity;
import dev.keyward.core.hardware.Tolerance;
import dev.keyward.core.hardware.TolerancePolicy;
import dev.keyward.core.hardware.ToleranceResult;
import dev.keyward.core.phone.HardwareFingerprint;
import java.util.Objects;

/**
 * What the authority knows of a machine's hardware: the ten full component hashes (online
 * activation), or only their short hashes (phone and proxy activation, from an installation ID).
 * Tolerance is the same rule either way; between a full identity and a fingerprint it is decided on
 * the short hashes ({@link HardwareFingerprint#compare}).
 */
public sealed interface MachineHardware {

  /** The ten full component hashes, as online activation sends them. */
  record Identity(HardwareIdentity identity) implements MachineHardware {
    public Identity {
      Objects.requireNonNull(identity, "identity");
    }

    @Override
    public HardwareFingerprint fingerprint() {
      return HardwareFingerprint.of(identity);
    }
  }

  /** The ten short hashes of an installation ID. */
  record Fingerprint(HardwareFingerprint fingerprint) implements MachineHardware {
    public Fingerprint {
      Objects.requireNonNull(fingerprint, "fingerprint");
    }
  }

  static MachineHardware of(HardwareIdentity identity) {
    return new Identity(identity);
  }

  static MachineHardware of(HardwareFingerprint fingerprint) {
    return new Fingerprint(fingerprint);
  }

  /** The short hashes: all a phone activation can compare. */
  HardwareFingerprint fingerprint();

  /**
   * Tolerance (SPEC §4) between what an activation recorded and what a machine reports now: on the
   * full hashes when both sides have them, else on the short hashes.
   */
  static ToleranceResult compare(
      MachineHardware activated, MachineHardware current, TolerancePolicy policy) {
    if (activated instanceof Identity a && current instanceof Identity c) {
      return Tolerance.compare(a.identity(), c.identity(), policy);
    }
    return HardwareFingerprint.compare(activated.fingerprint(), current.fingerprint(), policy);
  }

  /** Whether {@code current} is the same machine as {@code activated}, within tolerance. */
  static boolean within(
      MachineHardware activated, MachineHardware current, TolerancePolicy policy) {
    if (activated instanceof Identity a && current instanceof Identity c) {
      return Tolerance.within(a.identity(), c.identity(), policy); // no report to build
    }
    return compare(activated, current, policy) instanceof ToleranceResult.Within;
  }
}
