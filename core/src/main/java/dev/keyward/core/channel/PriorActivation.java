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
 */
public record PriorActivation(
    String id, HardwareIdentity machine, boolean active, Instant issuedAt) {}
