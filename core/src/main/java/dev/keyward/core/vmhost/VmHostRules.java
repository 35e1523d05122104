package dev.keyward.core.vmhost;

import dev.keyward.core.catalog.Catalog;
import dev.keyward.core.catalog.Channel;
import dev.keyward.core.catalog.KeyGroup;
import dev.keyward.core.catalog.Product;
import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.error.Failure;
import dev.keyward.core.volume.VolumeVersionRule;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * How a host agent answers a guest (SPEC §12), in this order: the host's own license must be
 * Licensed (else 0xC0DE0038) and its edition Datacenter (else 0xC0DE0039), with an agent key its
 * certificate certifies (else 0xC0DE0038); the guest must be of the host's family and a version ≤
 * the host's (else 0xC0DE003A), with the host-based VM activation key of its version and edition
 * (else 0xC004F050); the clocks at most 4 hours apart (else 0xC004F06C). Then the guest is
 * activated for {@link #VALIDITY}.
 */
public final class VmHostRules {
  /** How long one activation lasts; the guest renews while it runs on the host. */
  public static final Duration VALIDITY = Duration.ofDays(7);

  /** Guest and host clocks further apart than this are refused (0xC004F06C). */
  public static final Duration MAX_SKEW = Duration.ofHours(4);

  private final Catalog catalog;
  private final Clock clock;

  public VmHostRules(Catalog catalog, Clock clock) {
    this.catalog = catalog;
    this.clock = clock;
  }

  public VmDecision decide(VmHostView host, VmActivationRequest request) {
    Optional<Failure> refused = hostRefusal(host).or(() -> guestRefusal(host, request));
    if (refused.isPresent()) {
      return new VmDecision.Refuse(refused.get());
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    return new VmDecision.Grant(
        new VmGrant(
            host.certifiedHostId().orElseThrow(),
            host.version(),
            host.edition(),
            request.product(),
            request.version(),
            request.edition(),
            request.guestName(),
            request.cmid(),
            now,
            now.plus(VALIDITY)));
  }

  /** Why this host activates no guest at all, if it does not. */
  public Optional<Failure> hostRefusal(VmHostView host) {
    if (!host.licensed()) {
      return refuse(
          ErrorCode.VM_HOST_NOT_ACTIVATED,
          "The host is not activated: its license status is "
              + host.licenseStatus()
              + ". Activate the host's Datacenter key with `keyward slmgr /ato` on the host.");
    }
    if (!VmHostEdition.hosts(catalog, host.product(), host.edition())) {
      return refuse(
          ErrorCode.VM_HOST_NOT_DATACENTER,
          "The host runs "
              + host.edition()
              + " "
              + host.version()
              + ": only an activated Datacenter host activates guests by host-based VM"
              + " activation.");
    }
    if (host.certifiedHostId().isEmpty()) {
      return refuse(
          ErrorCode.VM_HOST_NOT_ACTIVATED,
          "The host's activation certificate certifies no agent key (a phone activation, or an"
              + " activation older than the agent): run `keyward slmgr /ato` on the host once the"
              + " authority is reachable (nothing is spent), then restart the agent.");
    }
    return Optional.empty();
  }

  private Optional<Failure> guestRefusal(VmHostView host, VmActivationRequest request) {
    Optional<Product> hostProduct = catalog.product(host.product());
    Optional<Product> guestProduct = catalog.product(request.product());
    if (hostProduct.isEmpty()
        || guestProduct.isEmpty()
        || !guestProduct.get().hasVersion(request.version())
        || !VolumeVersionRule.serves(
            hostProduct.get(), host.version(), guestProduct.get(), request.version())) {
      return refuse(
          ErrorCode.VM_GUEST_VERSION_NEWER,
          "The guest runs "
              + request.product()
              + " "
              + request.version()
              + ", which a "
              + host.product()
              + " "
              + host.version()
              + " host does not activate: a host activates guests of its version or earlier.");
    }
    Optional<KeyGroup> group = catalog.keyGroup(request.keyGroup());
    if (group.isEmpty()
        || group.get().channel() != Channel.VIRTUAL_MACHINE_ACTIVATION
        || !group.get().product().equals(request.product())
        || !group.get().version().equals(request.version())
        || !group.get().fitsEdition(request.edition())) {
      return refuse(
          ErrorCode.INVALID_PRODUCT_KEY,
          "The guest's key is not the host-based VM activation key of "
              + request.version()
              + " "
              + request.edition()
              + ": install it with `keyward slmgr /ipk KEY` (`keyward catalog volume-keys` lists"
              + " it).");
    }
    Duration skew = Duration.between(request.guestTime(), clock.instant()).abs();
    if (skew.compareTo(MAX_SKEW) > 0) {
      return refuse(
          ErrorCode.INVALID_TIMESTAMP,
          "The guest's clock is "
              + skew.toMinutes()
              + " minutes away from the host's (allowed: "
              + MAX_SKEW.toMinutes()
              + "). Set the guest's clock, then activate again.");
    }
    return Optional.empty();
  }

  private static Optional<Failure> refuse(ErrorCode error, String detail) {
    return Optional.of(Failure.of(error, detail));
  }
}
