package dev.keyward.core.channel;

import dev.keyward.core.catalog.Channel;
import dev.keyward.core.catalog.ChannelPolicy;
import dev.keyward.core.catalog.Product;
import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.error.Failure;
import dev.keyward.core.hardware.HardwareIdentity;
import dev.keyward.core.hardware.Tolerance;
import dev.keyward.core.hardware.TolerancePolicy;
import dev.keyward.core.hardware.ToleranceResult;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The authority's rules around an activation once granted (SPEC §6, §10): which activation a
 * machine holds, whether a release gives a count back, whether a certificate may be renewed, and
 * how far support may extend a multiple activation key's pool. Pure functions, like {@link
 * ChannelRules}.
 */
public final class SupportRules {
  private SupportRules() {}

  /**
   * The active activation that {@code machine} holds among a key's activations: the most recent one
   * granted to a machine within tolerance of it. What a machine's own release ({@code slmgr /upk}
   * online) releases.
   */
  public static Optional<PriorActivation> heldBy(
      List<PriorActivation> prior, HardwareIdentity machine, TolerancePolicy tolerance) {
    return prior.stream()
        .filter(PriorActivation::active)
        .filter(p -> Tolerance.within(p.machine(), machine, tolerance))
        .max(Comparator.comparing(PriorActivation::issuedAt));
  }

  /** Who released an activation. */
  public enum Releaser {
    /** The machine itself ({@code slmgr /upk} online). */
    MACHINE,
    /** Support, with a recorded reason (the seeds' phone call: dead server, V2V move). */
    SUPPORT
  }

  /**
   * Whether releasing an activation that took a count gives it back to the key. A multiple
   * activation key's pool counts activations spent (SPEC §6: every new machine, or out-of-tolerance
   * reactivation, takes one), so a machine's own release frees nothing: otherwise uninstalling on
   * one machine and activating on the next would turn a pool of N into unlimited machines, N at a
   * time. Resetting counts is a support decision (seed 001: "ask for the counter to be reset"),
   * recorded with its reason. Volume host keys count every host they ever activated; no release
   * frees anything.
   */
  public static boolean releaseReturnsCount(Channel channel, Releaser releaser) {
    return channel == Channel.VOLUME_MAK && releaser == Releaser.SUPPORT;
  }

  /**
   * Whether a certificate of an activation may be renewed for {@code machine}: the key must not be
   * blocked, the activation must still be active, and the machine within tolerance of the
   * certificate's.
   *
   * @return empty when it may, else the refusal
   */
  public static Optional<Failure> renewal(
      Product product,
      KeyStanding standing,
      PriorActivation activation,
      HardwareIdentity certified,
      HardwareIdentity machine) {
    if (standing.blocked()) {
      return Optional.of(
          Failure.of(ErrorCode.PRODUCT_KEY_BLOCKED, "This product key has been blocked."));
    }
    if (!activation.active()) {
      return Optional.of(
          Failure.of(
              ErrorCode.PKEY_NOT_INSTALLED,
              "This activation was released; install the key and activate again."));
    }
    if (Tolerance.compare(certified, machine, product.hardware())
        instanceof ToleranceResult.Outside outside) {
      return Optional.of(outside.failure());
    }
    return Optional.empty();
  }

  /**
   * Whether support may add {@code by} activations to a multiple activation key's pool that was
   * already extended by {@code extendedSoFar}: the channel's {@code extensionLimit} caps the
   * extensions of one key in all.
   *
   * @return empty when it may, else 0xC004C021
   */
  public static Optional<Failure> poolExtension(ChannelPolicy policy, int extendedSoFar, int by) {
    if (by < 1) {
      throw new IllegalArgumentException("a pool is extended by at least 1, not " + by);
    }
    long after = (long) extendedSoFar + by;
    if (after > policy.extensionLimit()) {
      int left = Math.max(0, policy.extensionLimit() - extendedSoFar);
      return Optional.of(
          Failure.of(
              ErrorCode.MAK_EXTENSION_LIMIT_EXCEEDED,
              "This key's pool was already extended by "
                  + extendedSoFar
                  + "; the limit is "
                  + policy.extensionLimit()
                  + " in all, so at most "
                  + left
                  + " more can be added."));
    }
    return Optional.empty();
  }
}
