package dev.keyward.core.channel;

import dev.keyward.core.hardware.HardwareIdentity;
import java.time.Instant;

/**
 * An activation already granted for the key being activated.
 *
 * @param id the activation's id at the authority
 * @param machine the hardware snapshot it was granted for
 * @param active false once released (`slmgr /upk` online, or support)
 * @param issuedAt when it was granted
 * @param holdsCount it took a count from a pool (MAK) that was not given back since: a machine that
 *     released its activation itself still holds its place in the pool
 */
public record PriorActivation(
    String id, HardwareIdentity machine, boolean active, Instant issuedAt, boolean holdsCount) {

  /** An activation that holds no pool count (retail, OEM, or a count given back by support). */
  public PriorActivation(String id, HardwareIdentity machine, boolean active, Instant issuedAt) {
    this(id, machine, active, issuedAt, false);
  }
}
