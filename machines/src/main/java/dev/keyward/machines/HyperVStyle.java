package dev.keyward.machines;

import dev.keyward.core.hardware.Component;
import dev.keyward.core.hardware.MachineFacts;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Microsoft Hyper-V virtual machines, generation 1 or 2. */
final class HyperVStyle implements PlatformStyle {
  private static final List<Integer> RAM_GIB = List.of(4, 8, 16, 32, 64);

  @Override
  public MachineFacts newMachine(LabRandom random) {
    Map<Component, String> components = new EnumMap<>(Component.class);
    components.put(Component.UUID, random.smbiosUuid());
    components.put(Component.SERIAL, serial(random));
    components.put(Component.BASEBOARD, serial(random));
    components.put(Component.CPU, ServerCpus.pick(random));
    components.put(Component.RAM, random.ram(random.pick(RAM_GIB)));
    // Hyper-V virtual disks report no serial number: disk stays absent.
    components.put(
        Component.CONTROLLER,
        random.pick(
            List.of(
                "Microsoft Hyper-V SCSI Controller", // generation 2
                "Intel(R) 82371AB/EB PCI Bus Master IDE Controller"))); // generation 1
    // 00:15:5D is Microsoft's OUI for Hyper-V's dynamic MAC address pool.
    components.put(Component.NIC, random.mac("00:15:5D"));
    components.put(Component.DISPLAY, "Microsoft Hyper-V Video");
    components.put(Component.VOLUME, random.windowsVolumeSerial());
    return new MachineFacts(components, Optional.empty(), true);
  }

  /** Hyper-V's firmware serials: {@code 0000-0002-6591-8537-7712-4218-53}. */
  private static String serial(LabRandom random) {
    return "0000-000"
        + random.digits(1)
        + "-"
        + random.digits(4)
        + "-"
        + random.digits(4)
        + "-"
        + random.digits(4)
        + "-"
        + random.digits(4)
        + "-"
        + random.digits(2);
  }
}
