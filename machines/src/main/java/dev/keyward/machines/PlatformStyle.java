package dev.keyward.machines;

import dev.keyward.core.hardware.MachineFacts;

/**
 * How one platform's machines look: the values its firmware and virtual devices report. Each
 * implementation makes new machines in that style for {@link LabProfile}.
 */
sealed interface PlatformStyle permits PhysicalServerStyle, VmwareStyle, ProxmoxStyle, HyperVStyle {

  /** A new machine of this platform; simulated, since no real hardware stands behind it. */
  MachineFacts newMachine(LabRandom random);
}
