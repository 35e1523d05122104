package dev.keyward.core.license;

import dev.keyward.core.license.LicenseRecord.Phase;
import dev.keyward.core.volume.VolumeGrant;
import java.time.Instant;
import java.util.Optional;

/**
 * A volume client's license, derived at every read from the grant whose chain the client has just
 * verified (SPEC §11, §16), never from a stored flag: Licensed from the grant's issue until its
 * expiry, then AdditionalGrace (30 days, reason 0xC004F074), then Notification, by the trusted
 * time. Without a verified grant the stored record stands as it is (InitialGrace, its Notification,
 * …), so rewriting the store cannot make a client Licensed.
 */
public final class VolumeLicense {
  private VolumeLicense() {}

  /**
   * The record to show and act on: {@code stored} with the verified grant's Licensed phase laid
   * over it and settled at {@code now}. A tampered store (NonGenuineGrace) and an uninstalled key
   * keep their own phase: a grant does not hide them.
   */
  public static LicenseRecord derive(
      LicenseRecord stored, Optional<VolumeGrant> verified, LicenseMachine machine, Instant now) {
    LicenseRecord settled = machine.settle(stored, now);
    if (verified.isEmpty()
        || settled.tampered()
        || settled.state() == LicenseState.UNLICENSED
        || !settled.key().isInstalled()) {
      return settled;
    }
    VolumeGrant grant = verified.get();
    if (!grant.expiresAt().isAfter(grant.issuedAt())) {
      return settled;
    }
    LicenseRecord licensed =
        settled
            .withKey(InstalledKey.VOLUME)
            .withPhase(
                new Phase(LicenseState.LICENSED, grant.issuedAt(), grant.expiresAt(), null, null));
    return machine.settle(licensed, now);
  }
}
