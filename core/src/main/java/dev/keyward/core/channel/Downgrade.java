package dev.keyward.core.channel;

import dev.keyward.core.catalog.Channel;
import dev.keyward.core.catalog.KeyGroup;
import dev.keyward.core.catalog.Product;
import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.error.Failure;
import dev.keyward.core.hardware.HardwareIdentity;
import dev.keyward.core.hardware.TolerancePolicy;
import java.util.List;
import java.util.Optional;

/**
 * Downgrade rights (SPEC §6, §13; seed 000): a licence of version V covers running an earlier
 * version of the same edition, but the key must be of the installed version. The authority
 * therefore gives, for a key of version V, a key of an earlier version W of the same product,
 * edition and channel. The rule, checked in this order:
 *
 * <ol>
 *   <li>W is a version of the product → else 0xC0DE0007;
 *   <li>the key is not blocked → else 0xC004C003;
 *   <li>the key is not an evaluation key (an evaluation carries no licence) nor a public volume
 *       client key (each version has its own public key), nor a host-based VM activation key
 *       (public as well) → else 0xC0DE0011;
 *   <li>W is earlier than V → else 0xC0DE0011;
 *   <li>the catalog has a key group for W with the same edition and channel → else 0xC0DE0011.
 * </ol>
 *
 * <p>What the downgrade key shares with its original is the authority's business (the same pool for
 * a multiple activation key); this class only says whether one may be issued and of which group.
 */
public final class Downgrade {
  private Downgrade() {}

  /** The answer: the group to issue the downgrade key from, or why none may be issued. */
  public sealed interface Check {
    record Allowed(KeyGroup target) implements Check {}

    record Refused(Failure failure) implements Check {}
  }

  public static Check check(Product product, KeyGroup original, boolean blocked, String version) {
    if (!product.hasVersion(version)) {
      return refuse(
          ErrorCode.BAD_REQUEST,
          "'"
              + version
              + "' is not a version of "
              + product.name()
              + " (versions: "
              + String.join(", ", product.versions())
              + ").");
    }
    if (blocked) {
      return refuse(
          ErrorCode.PRODUCT_KEY_BLOCKED,
          "This product key is blocked; a blocked key gives no downgrade key.");
    }
    Channel channel = original.channel();
    if (channel == Channel.TIMEBASED_EVAL
        || channel == Channel.VOLUME_KMSCLIENT
        || channel == Channel.VIRTUAL_MACHINE_ACTIVATION) {
      return refuse(
          ErrorCode.DOWNGRADE_NOT_ALLOWED,
          switch (channel) {
            case TIMEBASED_EVAL -> "An evaluation key carries no licence, so no downgrade right.";
            default ->
                "A "
                    + channel
                    + " key is public, one per version and edition: use the public key of version "
                    + version
                    + " instead of a downgrade key.";
          });
    }
    if (product.compareVersions(version, original.version()) >= 0) {
      return refuse(
          ErrorCode.DOWNGRADE_NOT_ALLOWED,
          "Downgrade rights cover earlier versions only: this key is for "
              + original.version()
              + ", and "
              + version
              + " is "
              + (version.equals(original.version()) ? "the same version." : "a later version."));
    }
    Optional<KeyGroup> target =
        product.keyGroup(version, original.edition().orElse(null), channel).stream()
            .filter(g -> g.edition().equals(original.edition()))
            .findFirst();
    if (target.isEmpty()) {
      return refuse(
          ErrorCode.DOWNGRADE_NOT_ALLOWED,
          "The catalog has no "
              + channel
              + " key group for "
              + product.id()
              + " "
              + version
              + " "
              + original.edition().orElse("(any edition)")
              + ".");
    }
    return new Check.Allowed(target.get());
  }

  /**
   * What a grant of a retail or OEM key means for the other keys of its licence (the original and
   * its downgrade keys): one licence runs on one machine at a time. An active activation of another
   * key of the licence on another machine refuses the grant (0xC004C008); one on this machine
   * (reinstalled with the other version) is superseded and released. Multiple activation keys share
   * a pool instead, and other channels have no downgrade keys.
   *
   * @param others the active activations of the licence's other keys
   * @return the refusal, or the activations this grant supersedes
   */
  public static Sharing sharing(
      Channel channel,
      List<PriorActivation> others,
      HardwareIdentity machine,
      TolerancePolicy tolerance) {
    if (channel != Channel.RETAIL && channel != Channel.OEM) {
      return new Sharing.Supersedes(List.of());
    }
    List<PriorActivation> active = others.stream().filter(PriorActivation::active).toList();
    List<PriorActivation> here =
        active.stream()
            .filter(
                p -> MachineHardware.within(p.machine(), MachineHardware.of(machine), tolerance))
            .toList();
    if (here.size() < active.size()) {
      return new Sharing.Refused(
          Failure.of(
              ErrorCode.MAXIMUM_UNLOCK_EXCEEDED,
              "This key's licence is active on another machine with another of its keys (the"
                  + " original or a downgrade key): one licence runs one machine at a time."
                  + " Release it there with keyward slmgr /upk, or ask support to release it."));
    }
    return new Sharing.Supersedes(here);
  }

  /** The answer of {@link #sharing}. */
  public sealed interface Sharing {
    record Supersedes(List<PriorActivation> activations) implements Sharing {
      public Supersedes {
        activations = List.copyOf(activations);
      }
    }

    record Refused(Failure failure) implements Sharing {}
  }

  private static Check refuse(ErrorCode code, String detail) {
    return new Check.Refused(Failure.of(code, detail));
  }
}
