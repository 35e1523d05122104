package dev.keyward.machines;

import dev.keyward.core.hardware.Component;
import dev.keyward.core.hardware.MachineFacts;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** VMware ESXi virtual machines. */
final class VmwareStyle implements PlatformStyle {
  private static final List<Integer> RAM_GIB = List.of(4, 8, 16, 32, 64);

  @Override
  public MachineFacts newMachine(LabRandom random) {
    // ESXi generates uuid.bios starting with 56 4d; the system serial is that same UUID.
    byte[] uuidBios = random.bytes(16);
    uuidBios[0] = 0x56;
    uuidBios[1] = 0x4d;

    Map<Component, String> components = new EnumMap<>(Component.class);
    components.put(Component.UUID, smbiosUuid(uuidBios));
    components.put(Component.SERIAL, serial(uuidBios));
    // VMware's baseboard serial is the placeholder "None", which readers treat as absent.
    components.put(Component.CPU, ServerCpus.pick(random));
    components.put(Component.RAM, random.ram(random.pick(RAM_GIB)));
    // With disk.EnableUUID, virtual disks report 6000c29 followed by the disk's UUID.
    components.put(Component.DISK, "6000c29" + random.lowerHex(13).substring(1));
    components.put(Component.CONTROLLER, random.pick(List.of("VMware PVSCSI", "LSI Logic SAS")));
    components.put(Component.NIC, random.mac("00:50:56"));
    components.put(Component.DISPLAY, "VMware SVGA 3D");
    components.put(Component.VOLUME, random.windowsVolumeSerial());
    return new MachineFacts(components, Optional.empty(), true);
  }

  /** {@code VMware-56 4d 1a 9b 00 11 22 33-44 55 66 77 88 99 aa bb}: uuid.bios byte by byte. */
  private static String serial(byte[] uuidBios) {
    HexFormat spaced = HexFormat.ofDelimiter(" ");
    return "VMware-" + spaced.formatHex(uuidBios, 0, 8) + "-" + spaced.formatHex(uuidBios, 8, 16);
  }

  /**
   * SMBIOS stores the first three UUID fields little-endian, so Windows shows uuid.bios with those
   * fields byte-swapped: 56 4d 1a 9b 00 11 22 33 ... becomes 9B1A4D56-1100-3322-...
   */
  private static String smbiosUuid(byte[] uuidBios) {
    byte[] swapped = uuidBios.clone();
    int[] order = {3, 2, 1, 0, 5, 4, 7, 6};
    for (int i = 0; i < order.length; i++) {
      swapped[i] = uuidBios[order[i]];
    }
    return LabRandom.uuidText(swapped);
  }
}
