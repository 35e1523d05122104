package dev.keyward.client;

import dev.keyward.core.cert.SignedCertificate;
import dev.keyward.core.channel.Installation;
import dev.keyward.core.license.LicenseRecord;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

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
    return with(d -> d.pendingConversion = next);
  }

  ProductState withCmid(String next) {
    return with(d -> d.cmid = next);
  }

  ProductState withRecord(LicenseRecord next) {
    return with(d -> d.record = next);
  }

  ProductState withKey(Optional<StoredKey> next) {
    return with(d -> d.key = next);
  }

  /** The certificate replaces any phone activation (a new key, an online activation, a repair). */
  ProductState withCertificate(Optional<SignedCertificate> next) {
    return with(
        d -> {
          d.certificate = next;
          d.phone = Optional.empty();
        });
  }

  ProductState withVolume(VolumeSettings next) {
    return with(d -> d.volume = next);
  }

  /** A phone activation replaces the certificate. */
  ProductState withPhone(Optional<PhoneConfirmation> next) {
    return with(
        d -> {
          d.certificate = Optional.empty();
          d.phone = next;
        });
  }

  ProductState withTrustDigest(Optional<String> next) {
    return with(d -> d.trustDigest = next);
  }

  /** This state with the parts {@code change} sets: each wither names only what it changes. */
  private ProductState with(Consumer<Draft> change) {
    Draft d = new Draft(this);
    change.accept(d);
    return new ProductState(
        d.installation,
        d.cmid,
        d.installedAt,
        d.key,
        d.certificate,
        d.record,
        d.volume,
        d.pendingConversion,
        d.phone,
        d.trustDigest);
  }

  /** A copy of the parts to change; the constructor checks the result. */
  private static final class Draft {
    Installation installation;
    String cmid;
    Instant installedAt;
    Optional<StoredKey> key;
    Optional<SignedCertificate> certificate;
    LicenseRecord record;
    VolumeSettings volume;
    Optional<PendingConversion> pendingConversion;
    Optional<PhoneConfirmation> phone;
    Optional<String> trustDigest;

    Draft(ProductState s) {
      installation = s.installation;
      cmid = s.cmid;
      installedAt = s.installedAt;
      key = s.key;
      certificate = s.certificate;
      record = s.record;
      volume = s.volume;
      pendingConversion = s.pendingConversion;
      phone = s.phone;
      trustDigest = s.trustDigest;
    }
  }
}
