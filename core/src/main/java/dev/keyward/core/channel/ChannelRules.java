package dev.keyward.core.channel;

import dev.keyward.core.catalog.Channel;
import dev.keyward.core.catalog.ChannelPolicy;
import dev.keyward.core.catalog.KeyGroup;
import dev.keyward.core.catalog.Product;
import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.error.Failure;
import dev.keyward.core.hardware.TolerancePolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The activation authority's decision for one request, as a pure function (SPEC §6). The authority
 * loads the key, its standing and its prior activations in one transaction, calls {@link #decide}
 * and stores what it says; nothing else decides.
 *
 * <p>Checks run in one fixed order, first refusal wins: simulated machine, blocked key, clock skew
 * (online only: an installation ID carries no time), key fit ({@link KeyFit}), then the channel's
 * own rule. Phone and proxy activation decide with the same rules and counts, on the installation
 * ID's short hashes ({@link MachineHardware}).
 */
public final class ChannelRules {
  private ChannelRules() {}

  public static ChannelDecision decide(
      Product product,
      KeyGroup key,
      KeyStanding standing,
      List<PriorActivation> prior,
      ActivationRequest request,
      Instant now,
      boolean allowSimulated) {
    return decide(
        product,
        key,
        standing,
        prior,
        request.installed(),
        MachineHardware.of(request.machine()),
        request.oemMarker(),
        request.simulated(),
        Optional.of(request.clientTime()),
        now,
        allowSimulated);
  }

  /**
   * The decision for an installation ID (phone activation, proxy activation files): the same rules
   * and counts as online, with tolerance on the installation ID's short hashes. An installation ID
   * carries no clock, so the clock-skew check does not apply.
   */
  public static ChannelDecision decide(
      Product product,
      KeyGroup key,
      KeyStanding standing,
      List<PriorActivation> prior,
      PhoneActivationRequest request,
      boolean allowSimulated) {
    return decide(
        product,
        key,
        standing,
        prior,
        request.installed(),
        MachineHardware.of(request.machine()),
        request.oemMarker(),
        request.simulated(),
        Optional.empty(),
        null,
        allowSimulated);
  }

  private static ChannelDecision decide(
      Product product,
      KeyGroup key,
      KeyStanding standing,
      List<PriorActivation> prior,
      Installation installed,
      MachineHardware machine,
      Optional<String> oemMarker,
      boolean simulated,
      Optional<Instant> clientTime,
      Instant now,
      boolean allowSimulated) {
    if (simulated && !allowSimulated) {
      return refuse(
          ErrorCode.SIMULATED_MACHINE_REFUSED,
          "This machine is a simulated lab machine; this authority activates real machines only.");
    }
    if (standing.blocked()) {
      return refuse(ErrorCode.PRODUCT_KEY_BLOCKED, "This product key has been blocked.");
    }
    if (clientTime.isPresent()) {
      Duration skew = Duration.between(clientTime.get(), now).abs();
      if (skew.compareTo(product.grace().clockSkew()) > 0) {
        return refuse(
            ErrorCode.INVALID_TIMESTAMP,
            "The machine's clock is "
                + skew.toMinutes()
                + " minutes away from the authority's (allowed: "
                + product.grace().clockSkew().toMinutes()
                + "). Set the clock and time zone, then activate again.");
      }
    }
    Optional<Failure> misfit = KeyFit.check(product, installed, key, false);
    if (misfit.isPresent()) {
      return new ChannelDecision.Refuse(misfit.get());
    }
    TolerancePolicy tolerance = product.hardware();
    return switch (key.channel()) {
      case RETAIL -> retail(prior, machine, tolerance);
      case OEM -> oem(product, prior, machine, oemMarker, tolerance);
      case VOLUME_MAK -> mak(standing, prior, machine, tolerance);
      case VOLUME_KMS_HOST -> volumeHost(product, prior, machine, tolerance);
      case VOLUME_KMSCLIENT ->
          refuse(
              ErrorCode.NOT_SUPPORTED,
              "Volume client keys activate against a volume activation host (keyward slmgr /skms"
                  + " HOST) or a directory activation object, not against the activation"
                  + " authority.");
      case TIMEBASED_EVAL ->
          refuse(
              ErrorCode.NOT_SUPPORTED,
              "Evaluation keys need no activation: the evaluation runs on its own timer.");
      case VIRTUAL_MACHINE_ACTIVATION ->
          refuse(
              ErrorCode.NOT_SUPPORTED,
              "Host-based VM activation keys activate through the host agent of an activated"
                  + " Datacenter host, not against the activation authority.");
    };
  }

  /** Retail: one machine at a time; transferable once the old machine released it. */
  private static ChannelDecision retail(
      List<PriorActivation> prior, MachineHardware machine, TolerancePolicy tolerance) {
    Optional<PriorActivation> same = sameMachine(active(prior), machine, tolerance);
    if (same.isPresent()) {
      return new ChannelDecision.Reissue(same.get());
    }
    if (!active(prior).isEmpty()) {
      return refuse(
          ErrorCode.MAXIMUM_UNLOCK_EXCEEDED,
          "This retail key is active on another machine (activated "
              + active(prior).get(0).issuedAt()
              + "). Release it there with keyward slmgr /upk, or ask support to release it if"
              + " that machine is gone.");
    }
    return new ChannelDecision.Grant(false);
  }

  /** OEM: needs the firmware marker; bound to the first machine for ever. */
  private static ChannelDecision oem(
      Product product,
      List<PriorActivation> prior,
      MachineHardware machine,
      Optional<String> oemMarker,
      TolerancePolicy t) {
    Optional<String> marker = product.channel(Channel.OEM).flatMap(ChannelPolicy::oemMarker);
    if (marker.isEmpty() || !marker.equals(oemMarker)) {
      return refuse(
          ErrorCode.NOT_OEM_MARKED,
          oemMarker.isEmpty()
              ? "This machine's firmware carries no OEM marker; OEM keys activate only the"
                  + " machines they were sold with."
              : "This machine's firmware carries another vendor's OEM marker.");
    }
    Optional<PriorActivation> same = sameMachine(prior, machine, t);
    if (same.isPresent()) {
      return new ChannelDecision.Reissue(same.get());
    }
    if (!prior.isEmpty()) {
      return refuse(
          ErrorCode.MAXIMUM_UNLOCK_EXCEEDED,
          "This OEM key is bound to the machine it was first activated on; OEM licences never"
              + " move to another machine.");
    }
    return new ChannelDecision.Grant(false);
  }

  /** MAK: each new machine, or each out-of-tolerance reactivation, takes one from the pool. */
  private static ChannelDecision mak(
      KeyStanding standing,
      List<PriorActivation> prior,
      MachineHardware machine,
      TolerancePolicy tolerance) {
    // One pass over the key's activations (up to a pool's size, at every decision): the machine's
    // latest active activation, and whether any of its activations still holds a count.
    PriorActivation latestActive = null;
    boolean holdsCount = false;
    for (PriorActivation p : prior) {
      if ((p.active() || p.holdsCount()) && within(p.machine(), machine, tolerance)) {
        if (p.active() && later(p, latestActive)) {
          latestActive = p;
        }
        holdsCount |= p.holdsCount();
      }
    }
    if (latestActive != null) {
      return new ChannelDecision.Reissue(latestActive);
    }
    // A machine that released its activation itself keeps its place: coming back is free.
    if (holdsCount) {
      return new ChannelDecision.Grant(false);
    }
    if (standing.poolUsed() >= standing.poolSize()) {
      return refuse(
          ErrorCode.MAK_LIMIT_EXCEEDED,
          "All "
              + standing.poolSize()
              + " activations of this multiple activation key are used. Ask support to extend"
              + " the pool, or use another key.");
    }
    return new ChannelDecision.Grant(true);
  }

  /** Volume host keys: a few distinct hosts, each re-activatable a limited number of times. */
  private static ChannelDecision volumeHost(
      Product product, List<PriorActivation> prior, MachineHardware machine, TolerancePolicy t) {
    Optional<PriorActivation> same = sameMachine(active(prior), machine, t);
    if (same.isPresent()) {
      return new ChannelDecision.Reissue(same.get());
    }
    ChannelPolicy policy =
        product
            .channel(Channel.VOLUME_KMS_HOST)
            .orElse(ChannelPolicy.defaults(Channel.VOLUME_KMS_HOST));
    long sameHost = prior.stream().filter(p -> within(p.machine(), machine, t)).count();
    if (sameHost > 0) {
      if (sameHost >= policy.activationsPerHost()) {
        return refuse(
            ErrorCode.MAXIMUM_UNLOCK_EXCEEDED,
            "This host was activated "
                + sameHost
                + " times with this volume host key (limit "
                + policy.activationsPerHost()
                + ").");
      }
      return new ChannelDecision.Grant(true);
    }
    if (distinctHosts(prior, t) >= policy.hosts()) {
      return refuse(
          ErrorCode.MAXIMUM_UNLOCK_EXCEEDED,
          "This volume host key already activated "
              + policy.hosts()
              + " hosts, its limit. Ask support, or use another host key.");
    }
    return new ChannelDecision.Grant(true);
  }

  /** Groups prior activations into hosts: each joins the first host it is within tolerance of. */
  private static int distinctHosts(List<PriorActivation> prior, TolerancePolicy t) {
    List<MachineHardware> hosts = new ArrayList<>();
    for (PriorActivation p : prior) {
      if (hosts.stream().noneMatch(h -> within(h, p.machine(), t))) {
        hosts.add(p.machine());
      }
    }
    return hosts.size();
  }

  /** The most recent of {@code candidates} granted to this machine, within tolerance. */
  private static Optional<PriorActivation> sameMachine(
      List<PriorActivation> candidates, MachineHardware machine, TolerancePolicy tolerance) {
    // a loop, not a stream: it runs over every prior activation of a key at every decision
    PriorActivation latest = null;
    for (PriorActivation p : candidates) {
      if (within(p.machine(), machine, tolerance) && later(p, latest)) {
        latest = p;
      }
    }
    return Optional.ofNullable(latest);
  }

  /** Whether {@code p} was issued after {@code latest} (any activation is, after none). */
  private static boolean later(PriorActivation p, PriorActivation latest) {
    return latest == null || p.issuedAt().compareTo(latest.issuedAt()) > 0;
  }

  private static boolean within(MachineHardware a, MachineHardware b, TolerancePolicy t) {
    return MachineHardware.within(a, b, t);
  }

  private static List<PriorActivation> active(List<PriorActivation> prior) {
    List<PriorActivation> active = new ArrayList<>(prior.size());
    for (PriorActivation p : prior) {
      if (p.active()) {
        active.add(p);
      }
    }
    return active;
  }

  private static ChannelDecision refuse(ErrorCode code, String detail) {
    return new ChannelDecision.Refuse(Failure.of(code, detail));
  }
}
