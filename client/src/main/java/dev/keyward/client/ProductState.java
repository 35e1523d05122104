package dev.keyward.client;

import dev.keyward.core.cert.SignedCertificate;
import dev.keyward.core.channel.Installation;
import dev.keyward.core.license.LicenseRecord;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the store keeps for one product on this machine, sealed as one file.
 *
 * @param installation product, version and edition installed ({@code keyward init})
 * @param cmid the client machine id, random per installation
 * @param installedAt when {@code init} recorded the installation
 * @param key the installed product key, if any
 * @param certificate the activation certificate of the installed key, if activated
 * @param record the license timers (state, deadlines, rearm count, trusted-time anchor)
 * @param volume volume client settings
 * @param pendingConversion an edition conversion that {@code keyward restart} will apply
 * @param phone the confirmation ID of a phone or proxy activation, which stands in for a
 *     certificate (the two never coexist: setting one clears the other)
 * @param trustDigest the digest of the vendor trust recorded in the store's {@code trust.json} at
 *     installation ({@link RecordedTrust}); empty when none was recorded
 */
public record ProductState(
    Installation installation,
    String cmid,
    Instant installedAt,
    Optional<StoredKey> key,
    Optional<SignedCertificate> certificate,
    LicenseRecord record,
    VolumeSettings volume,
    Optional<PendingConversion> pendingConversion,
    Optional<PhoneConfirmation> phone,
    Optional<String> trustDigest) {
  public ProductState {
    Objects.requireNonNull(installation, "installation");
    Objects.requireNonNull(cmid, "cmid");
    Objects.requireNonNull(installedAt, "installedAt");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(certificate, "certificate");
    Objects.requireNonNull(record, "record");
    Objects.requireNonNull(volume, "volume");
    Objects.requireNonNull(pendingConversion, "pendingConversion");
    Objects.requireNonNull(phone, "phone");
    Objects.requireNonNull(trustDigest, "trustDigest");
  }

  /** The edition a pending conversion leads to, if one is pending. */
  public Optional<String> pendingEdition() {
    return pendingConversion.map(PendingConversion::edition);
  }

  ProductState withPendingConversion(Optional<PendingConversion> next) {
    return new ProductState(
        installation,
        cmid,
        installedAt,
        key,
        certificate,
        record,
        volume,
        next,
        phone,
        trustDigest);
  }

  ProductState withCmid(String next) {
    return new ProductState(
        installation,
        next,
        installedAt,
        key,
        certificate,
        record,
        volume,
        pendingConversion,
        phone,
        trustDigest);
  }

  ProductState withRecord(LicenseRecord next) {
    return new ProductState(
        installation,
        cmid,
        installedAt,
        key,
        certificate,
        next,
        volume,
        pendingConversion,
        phone,
        trustDigest);
  }

  ProductState withKey(Optional<StoredKey> next) {
    return new ProductState(
        installation,
        cmid,
        installedAt,
        next,
        certificate,
        record,
        volume,
        pendingConversion,
        phone,
        trustDigest);
  }

  /** The certificate replaces any phone activation (a new key, an online activation, a repair). */
  ProductState withCertificate(Optional<SignedCertificate> next) {
    return new ProductState(
        installation,
        cmid,
        installedAt,
        key,
        next,
        record,
        volume,
        pendingConversion,
        Optional.empty(),
        trustDigest);
  }

  ProductState withVolume(VolumeSettings next) {
    return new ProductState(
        installation,
        cmid,
        installedAt,
        key,
        certificate,
        record,
        next,
        pendingConversion,
        phone,
        trustDigest);
  }

  /** A phone activation replaces the certificate. */
  ProductState withPhone(Optional<PhoneConfirmation> next) {
    return new ProductState(
        installation,
        cmid,
        installedAt,
        key,
        Optional.empty(),
        record,
        volume,
        pendingConversion,
        next,
        trustDigest);
  }

  ProductState withTrustDigest(Optional<String> next) {
    return new ProductState(
        installation,
        cmid,
        installedAt,
        key,
        certificate,
        record,
        volume,
        pendingConversion,
        phone,
        next);
  }
}
