package dev.keyward.machines;

import dev.keyward.core.hardware.Component;
import dev.keyward.core.hardware.MachineFacts;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Proxmox VE (QEMU/KVM) virtual machines with the VirtIO devices Proxmox recommends. */
final class ProxmoxStyle implements PlatformStyle {
  private static final List<Integer> RAM_GIB = List.of(4, 8, 16, 32, 64);

  @Override
  public MachineFacts newMachine(LabRandom random) {
    Map<Component, String> components = new EnumMap<>(Component.class);
    // Proxmox writes a random SMBIOS UUID (smbios1: uuid=...) when it creates the VM, and no
    // system or baseboard serial unless the administrator sets one: those stay absent.
    components.put(Component.UUID, random.smbiosUuid());
    components.put(Component.CPU, ServerCpus.pick(random));
    components.put(Component.RAM, random.ram(random.pick(RAM_GIB)));
    // QEMU disks on a VirtIO controller have no serial unless one is configured, but IDE and
    // SATA disks get QEMU's own serial, QM00001 to QM00004 by position.
    if (random.chance(0.5)) {
      components.put(Component.DISK, "QM0000" + (1 + random.index(4)));
    }
    components.put(Component.CONTROLLER, random.pick(List.of("VirtIO SCSI", "VirtIO Block")));
    // BC:24:11 is the OUI Proxmox VE registered for the MACs it generates.
    components.put(Component.NIC, random.mac("BC:24:11"));
    components.put(Component.DISPLAY, random.pick(List.of("VirtIO GPU", "Standard VGA")));
    components.put(Component.VOLUME, random.windowsVolumeSerial());
    return new MachineFacts(components, Optional.empty(), true);
  }
}
