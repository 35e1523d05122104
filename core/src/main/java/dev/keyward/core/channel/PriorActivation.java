package dev.keyward.core.channel;

import dev.keyward.core.hardware.HardwareIdentity;
import java.time.Instant;
import java.util.Objects;

/**
 * An activation already granted for the key being activated.
 *
 * @param id the activation's id at the authority
 * @param machine the hardware it was granted for: full hashes online, short hashes by phone
 * @param active false once released (`slmgr /upk` online, or support)
 * @param issuedAt when it was granted
 * @param holdsCount it took a count from a pool (MAK) that was not given back since: a machine that
 *     released its activation itself still holds its place in the pool
 */
public record PriorActivation(
    String id, MachineHardware machine, boolean active, Instant issuedAt, boolean holdsCount) {

  public PriorActivation {
    Objects.requireNonNull(machine, "machine");
  }

  /** An activation granted online, for the full hardware identity. */
  public PriorActivation(
      String id, HardwareIdentity machine, boolean active, Instant issuedAt, boolean holdsCount) {
    this(id, MachineHardware.of(machine), active, issuedAt, holdsCount);
  }

  /** An activation that holds no pool count (retail, OEM, or a count given back by support). */
  public PriorActivation(String id, HardwareIdentity machine, boolean active, Instant issuedAt) {
    this(id, machine, active, issuedAt, false);
  }
}
