package dev.keyward.client;

import dev.keyward.core.catalog.Channel;
import dev.keyward.core.catalog.Product;
import dev.keyward.core.catalog.TrustedKey;
import dev.keyward.core.catalog.VolumePolicy;
import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.error.Failure;
import dev.keyward.core.license.ActivationStanding;
import dev.keyward.core.license.LicenseEvent;
import dev.keyward.core.license.LicenseRecord;
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
  private final ClientContext client;
  private final VolumeClientFile file;

  VolumeClientLicense(ClientContext client) {
    this.client = client;
    this.file = new VolumeClientFile(client.store());
  }

  static boolean applies(ProductState state) {
    return state.key().map(k -> k.channel() == Channel.VOLUME_KMSCLIENT).orElse(false);
  }

  /**
   * {@code /ato}: asks the host (always: an administrator's /ato is a renewal now). The record then
   * claims Licensed until the grant's expiry; every read believes that claim only while the kept
   * grant proves it ({@link #standing}).
   */
  KeywardClient.Activation activate(Session s, StoredKey key, List<String> notices) {
    Optional<DirectoryActivation.Outcome> directory = new DirectoryActivation(client).check(s, key);
    if (directory.isPresent() && directory.get() instanceof DirectoryActivation.Outcome.Found f) {
      return activatedFromObject(s, f, notices);
    }
    SignedVolumeGrant grant;
    try {
      grant = new VolumeActivation(client).activate(s, key, notices);
    } catch (KeywardException e) {
      if (directory.isPresent()
          && directory.get() instanceof DirectoryActivation.Outcome.NotFound none) {
        throw DirectoryFallback.failure(none.failure(), e);
      }
      throw e;
    }
    VolumeGrant g = grant.grant();
    LicenseRecord next =
        Transitions.refusedOrNext(
            s.machine()
                .apply(
                    s.state().record(),
                    LicenseEvent.Activated.until(g.expiresAt(), true),
                    client.clock().instant()));
    ProductState state = s.state().withRecord(next);
    client.sessions().save(s, state);
    client
        .sessions()
        .event(
            state,
            "Activated",
            Map.of("volumeHost", g.hostId(), "count", g.count(), "expiresAt", g.expiresAt()));
    Session after = new Session(s.product(), state, s.machine());
    return new KeywardClient.Activation(
        client.infos().build(after, notices), false, "volume:" + g.hostId());
  }

  /** Activated from a directory object: Licensed for 180 days from this check (event 12295). */
  private KeywardClient.Activation activatedFromObject(
      Session s, DirectoryActivation.Outcome.Found f, List<String> notices) {
    LicenseRecord next =
        Transitions.refusedOrNext(
            s.machine()
                .apply(
                    s.state().record(),
                    LicenseEvent.Activated.until(f.expiresAt(), true),
                    client.clock().instant()));
    ProductState state = s.state().withRecord(next);
    client.sessions().save(s, state);
    client
        .sessions()
        .event(
            state,
            "Activated",
            Map.of("directoryObject", f.object().name(), "dn", f.dn(), "expiresAt", f.expiresAt()));
    Session after = new Session(s.product(), state, s.machine());
    return new KeywardClient.Activation(
        client.infos().build(after, notices), false, "directory:" + f.object().id().orElse(""));
  }

  /**
   * What the kept grant proves now (SPEC §16): Proven until its expiry when its chain verifies with
   * the trusted keys, it is for this installation and CMID and was obtained with the installed key;
   * Absent without a grant; Refuted otherwise.
   */
  ActivationStanding standing(Product product, ProductState state, List<TrustedKey> trusted) {
    return DirectoryFallback.better(
        grantStanding(product, state, trusted),
        new DirectoryActivation(client).standing(product.id(), state, trusted));
  }

  private ActivationStanding grantStanding(
      Product product, ProductState state, List<TrustedKey> trusted) {
    VolumeClientRecord r = file.read(product.id());
    if (r.grant().isEmpty()) {
      return new ActivationStanding.Absent();
    }
    Checked checked = verified(product.id(), state, r, trusted);
    return checked
        .grant
        .<ActivationStanding>map(g -> new ActivationStanding.Proven(g.expiresAt()))
        .orElseGet(
            () ->
                new ActivationStanding.Refuted(
                    Failure.of(
                        ErrorCode.STORE_TAMPERED,
                        "the kept volume activation proves nothing: "
                            + checked.problem.orElse("")
                            + ".")));
  }

  /** Renews when the schedule says so; empty when nothing was due (nothing is sent then). */
  Optional<KeywardClient.Activation> renewIfDue(Session s, List<String> notices) {
    if (!applies(s.state())) {
      return Optional.empty();
    }
    VolumeClientRecord r = file.read(s.product().id());
    DirectoryActivation directory = new DirectoryActivation(client);
    Optional<Instant> lastGrant =
        DirectoryFallback.later(r.lastGrantAt(), directory.confirmedAt(s.product().id()));
    Optional<Instant> lastAttempt =
        DirectoryFallback.later(r.lastAttemptAt(), directory.lastCheckAt(s.product().id()));
    if (!schedule(s, r).due(lastGrant, lastAttempt, client.clock().instant())) {
      return Optional.empty();
    }
    return Optional.of(activate(s, s.state().key().orElseThrow(), notices));
  }

  Optional<VolumeClientInfo> info(Session s) {
    if (!applies(s.state())) {
      return Optional.empty();
    }
    VolumeClientRecord r = file.read(s.product().id());
    VolumeSettings v = s.state().volume();
    VolumeSchedule schedule = schedule(s, r);
    Checked checked = verified(s.product().id(), s.state(), r, client.trust().keys());
    DirectoryActivation directory = new DirectoryActivation(client);
    Instant next =
        schedule.nextAttempt(
            DirectoryFallback.later(r.lastGrantAt(), directory.confirmedAt(s.product().id())),
            DirectoryFallback.later(r.lastAttemptAt(), directory.lastCheckAt(s.product().id())));
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
            checked.problem,
            directory.info(s.product().id(), s.state())));
  }

  private record Checked(Optional<VolumeGrant> grant, Optional<String> problem) {}

  private Checked verified(
      String product, ProductState state, VolumeClientRecord r, List<TrustedKey> trusted) {
    if (r.grant().isEmpty()) {
      return new Checked(Optional.empty(), Optional.empty());
    }
    if (!r.keyFingerprint().equals(state.key().map(StoredKey::fingerprint))) {
      return new Checked(Optional.empty(), Optional.of("it was obtained with another product key"));
    }
    VolumeGrantCheck check =
        new VolumeGrantVerifier(trusted, client.catalog())
            .verify(
                r.grant().get(),
                product,
                state.installation().version(),
                state.installation().edition(),
                state.cmid());
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
