package dev.keyward.client;

import dev.keyward.client.KeywardClient.Session;
import dev.keyward.core.catalog.Channel;
import dev.keyward.core.catalog.VolumePolicy;
import dev.keyward.core.license.LicenseRecord;
import dev.keyward.core.license.VolumeLicense;
import dev.keyward.core.license.VolumeSchedule;
import dev.keyward.core.volume.SignedVolumeGrant;
import dev.keyward.core.volume.VolumeGrant;
import dev.keyward.core.volume.VolumeGrantCheck;
import dev.keyward.core.volume.VolumeGrantVerifier;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A volume client's license on this machine: activation and renewal against a volume host ({@link
 * VolumeActivation}), and the state derived at every read from the held grant (core {@link
 * VolumeLicense}): the grant's chain is verified with the trusted authority keys, it must be for
 * this CMID and installation and obtained with the installed key. Reads never write.
 */
final class VolumeClientLicense {
  private final KeywardClient client;
  private final VolumeClientFile file;

  VolumeClientLicense(KeywardClient client) {
    this.client = client;
    this.file = new VolumeClientFile(client.store());
  }

  static boolean applies(ProductState state) {
    return state.key().map(k -> k.channel() == Channel.VOLUME_KMSCLIENT).orElse(false);
  }

  /** {@code /ato}: asks the host (always: an administrator's /ato is a renewal now). */
  KeywardClient.Activation activate(Session s, StoredKey key, List<String> notices) {
    SignedVolumeGrant grant = new VolumeActivation(client).activate(s, key, notices);
    VolumeGrant g = grant.grant();
    client.event(
        s.state(),
        "Activated",
        Map.of("volumeHost", g.hostId(), "count", g.count(), "expiresAt", g.expiresAt()));
    return new KeywardClient.Activation(client.info(s, notices), false, "volume:" + g.hostId());
  }

  /** Renews when the schedule says so; empty when nothing was due (nothing is sent then). */
  Optional<KeywardClient.Activation> renewIfDue(Session s, List<String> notices) {
    if (!applies(s.state())) {
      return Optional.empty();
    }
    VolumeClientRecord r = file.read(s.product().id());
    if (!schedule(s, r).due(r.lastGrantAt(), r.lastAttemptAt(), client.clock().instant())) {
      return Optional.empty();
    }
    return Optional.of(activate(s, s.state().key().orElseThrow(), notices));
  }

  /** The record to show: the stored one, with a verified grant's Licensed phase over it. */
  LicenseRecord record(Session s) {
    LicenseRecord stored = s.state().record();
    if (!applies(s.state())) {
      return stored;
    }
    Optional<VolumeGrant> verified = verified(s, file.read(s.product().id())).grant;
    return VolumeLicense.derive(stored, verified, s.machine(), client.clock().instant());
  }

  Optional<VolumeClientInfo> info(Session s) {
    if (!applies(s.state())) {
      return Optional.empty();
    }
    VolumeClientRecord r = file.read(s.product().id());
    VolumeSettings v = s.state().volume();
    VolumeSchedule schedule = schedule(s, r);
    Checked checked = verified(s, r);
    Instant next = schedule.nextAttempt(r.lastGrantAt(), r.lastAttemptAt());
    return Optional.of(
        new VolumeClientInfo(
            Optional.ofNullable(v.host()),
            r.dnsHost(),
            v.hostCaching() ? r.cachedHost() : Optional.empty(),
            v.hostCaching(),
            schedule.retry().toMinutes(),
            schedule.renewal().toMinutes(),
            r.lastCount(),
            r.lastResult(),
            checked.grant.map(VolumeGrant::hostId),
            checked.grant.map(VolumeGrant::expiresAt),
            next,
            !client.clock().instant().isBefore(next),
            checked.problem));
  }

  private record Checked(Optional<VolumeGrant> grant, Optional<String> problem) {}

  private Checked verified(Session s, VolumeClientRecord r) {
    if (r.grant().isEmpty()) {
      return new Checked(Optional.empty(), Optional.empty());
    }
    if (!r.keyFingerprint().equals(s.state().key().map(StoredKey::fingerprint))) {
      return new Checked(Optional.empty(), Optional.of("it was obtained with another product key"));
    }
    VolumeGrantCheck check =
        new VolumeGrantVerifier(client.trustedKeys(), client.catalog())
            .verify(
                r.grant().get(),
                s.product().id(),
                s.state().installation().version(),
                s.state().installation().edition(),
                s.state().cmid());
    return switch (check) {
      case VolumeGrantCheck.Valid valid ->
          new Checked(Optional.of(valid.grant().grant()), Optional.empty());
      case VolumeGrantCheck.Invalid invalid ->
          new Checked(Optional.empty(), Optional.of(invalid.reason()));
    };
  }

  private static VolumeSchedule schedule(Session s, VolumeClientRecord r) {
    VolumePolicy policy = s.product().volume();
    VolumeSettings v = s.state().volume();
    return VolumeSchedule.of(
        r.hostRenewalMinutes(),
        r.hostRetryMinutes(),
        Optional.ofNullable(v.renewalIntervalMinutes()),
        Optional.ofNullable(v.activationIntervalMinutes()),
        policy == null ? Duration.ofDays(7) : policy.renewal(),
        policy == null ? Duration.ofHours(2) : policy.retry());
  }
}
