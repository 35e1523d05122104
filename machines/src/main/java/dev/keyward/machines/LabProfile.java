package dev.keyward.machines;

import dev.keyward.core.hardware.Component;
import dev.keyward.core.hardware.MachineFacts;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * The built-in kinds of simulated machine for the lab and {@code keyward lab machine new}: each
 * makes machines whose component values look like that platform's. A machine file names its profile
 * ({@code profile: vmware-vm}); core reads that name against {@link #names()}, and knows nothing
 * else of the lab.
 */
public enum LabProfile {
  PHYSICAL_SERVER("physical-server", new PhysicalServerStyle()),
  VMWARE_VM("vmware-vm", new VmwareStyle()),
  PROXMOX_VM("proxmox-vm", new ProxmoxStyle()),
  HYPERV_VM("hyperv-vm", new HyperVStyle());

  private final String profileName;
  private final PlatformStyle style;

  LabProfile(String profileName, PlatformStyle style) {
    this.profileName = profileName;
    this.style = style;
  }

  /** The name in files and flags, e.g. {@code vmware-vm}. */
  public String profileName() {
    return profileName;
  }

  public static Optional<LabProfile> byName(String name) {
    return Arrays.stream(values()).filter(p -> p.profileName.equals(name)).findFirst();
  }

  /** Every profile name, comma separated: for "expected one of" messages. */
  public static String allNames() {
    return String.join(", ", names());
  }

  /**
   * Every profile name in declaration order: what a machine file's {@code profile:} may say ({@code
   * MachineFile.read(text, fileName, LabProfile.names())}).
   */
  public static List<String> names() {
    return Arrays.stream(values()).map(LabProfile::profileName).toList();
  }

  /** A fresh random machine of this platform, marked simulated. */
  public MachineFacts newMachine(RandomGenerator random) {
    return style.newMachine(new LabRandom(random));
  }

  /**
   * {@code machine} after a move to the {@code target} platform (V2V as in seed 001, or P2V/V2P).
   *
   * <p>The rule: a move replaces what the hypervisor supplies and carries what belongs to the guest
   * or its disks. So {@code uuid} and {@code serial} (the virtual firmware) and {@code controller},
   * {@code nic} and {@code display} (the virtual devices) take the target platform's style, each
   * unless it is in {@code keep} (as when an administrator copies the old SMBIOS values into the
   * new VM). {@code baseboard}, {@code cpu}, {@code ram}, {@code disk} and {@code volume} stay as
   * they were. The OEM marker is the target's (new firmware has no vendor marker of the old one),
   * and the result is simulated.
   */
  public static MachineFacts migrate(
      MachineFacts machine, LabProfile target, Set<Component> keep, RandomGenerator random) {
    return V2vMove.apply(machine, target.newMachine(random), keep);
  }

  @Override
  public String toString() {
    return profileName;
  }
}
