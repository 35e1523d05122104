package dev.keyward.core.license;

import java.time.Instant;

/**
 * What can happen to an installation's license, applied with {@link LicenseMachine#apply}. The
 * passing of time is not an event: deadlines are applied lazily by {@link LicenseMachine#settle}.
 */
public sealed interface LicenseEvent {

  /**
   * A fresh install (or a reinstall over an existing record, which starts over except for the
   * trusted-time anchor): an evaluation edition enters ExtendedGrace for the evaluation period, any
   * other edition InitialGrace for the initial grace. No key, no rearm used.
   */
  record Installed(boolean evaluation) implements LicenseEvent {}

  /**
   * A product key was installed ({@code slmgr /ipk}). Refused by an evaluation edition (0x80070032
   * while it runs, 0xC004FC07 once it has expired): it must be converted. A new key discards an
   * activation (the machine must activate again): it returns to the initial grace that began at
   * {@code graceFrom} (the installation) while that grace would still run, else to Notification.
   * {@code graceFrom} may be null when unknown (Notification then).
   */
  record KeyInstalled(boolean volume, Instant graceFrom) implements LicenseEvent {
    /** A key installed where the start of the installation's initial grace is not known. */
    public KeyInstalled(boolean volume) {
      this(volume, null);
    }
  }

  /** The product key was removed ({@code slmgr /upk}): Unlicensed, reason 0xC004F014. */
  record KeyUninstalled() implements LicenseEvent {}

  /**
   * An activation was granted (by the authority, a volume host, the directory or a host agent) and
   * verified: Licensed until {@code expiresAt}, or permanently when it is null. Also a renewal.
   */
  record Activated(Instant expiresAt, boolean volume) implements LicenseEvent {
    public static Activated permanently(boolean volume) {
      return new Activated(null, volume);
    }

    public static Activated until(Instant expiresAt, boolean volume) {
      return new Activated(expiresAt, volume);
    }
  }

  /**
   * An edition conversion ({@code dism /Set-Edition} with a key of the target) took effect at
   * restart: the edition is no longer an evaluation, the conversion's key (of this kind) is
   * installed, and InitialGrace starts; the rearm count is kept.
   */
  record Converted(boolean volume) implements LicenseEvent {}

  /**
   * The hardware was compared with the activated snapshot. Out of tolerance, a Licensed
   * installation enters AdditionalGrace (0xC004F00F); within tolerance nothing changes.
   */
  record HardwareChanged(boolean outOfTolerance) implements LicenseEvent {}

  /** {@code slmgr /rearm}: restarts the evaluation or the initial grace, up to the rearm limit. */
  record Rearmed() implements LicenseEvent {}

  /**
   * The store or a certificate failed its integrity check: NonGenuineGrace, with {@code reason}
   * (0xC0DE0003 for a damaged store or a forged proof, 0xC0DE0020 for a proof signed by a key the
   * machine does not trust).
   */
  record IntegrityFailed(dev.keyward.core.error.ErrorCode reason) implements LicenseEvent {
    public IntegrityFailed {
      java.util.Objects.requireNonNull(reason, "reason");
    }

    /** The store failed its integrity check (0xC0DE0003). */
    public IntegrityFailed() {
      this(dev.keyward.core.error.ErrorCode.STORE_TAMPERED);
    }
  }

  /** The store was repaired: back to what it said before the integrity failure, caught up. */
  record Repaired() implements LicenseEvent {}
}
