package dev.keyward.machines;

import dev.keyward.core.hardware.Component;
import dev.keyward.core.hardware.MachineFacts;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Rack servers from the common vendors. Physical servers are the only lab machines with an OEM
 * marker: the vendor's, written in firmware at the factory.
 */
final class PhysicalServerStyle implements PlatformStyle {
  private static final List<Integer> RAM_GIB = List.of(64, 128, 256, 384, 512, 1024);

  /** What differs between vendors; everything else is drawn the same way for all of them. */
  private record Vendor(
      String oemMarker,
      Function<LabRandom, String> uuid,
      Function<LabRandom, String> serial,
      Function<LabRandom, String> baseboard,
      List<String> controllers,
      List<String> nicOuis,
      String display) {}

  private static final List<Vendor> VENDORS =
      List.of(
          new Vendor(
              "DELL",
              // Dell SMBIOS UUIDs start with the ASCII of "DELL".
              r -> "4C4C4544" + r.smbiosUuid().substring(8),
              r -> r.serviceTag(7),
              r -> "/" + r.serviceTag(7) + "/CNFCP" + r.digits(4) + r.serviceTag(6) + "/",
              List.of("PERC H740P Mini", "PERC H755 Front", "BOSS-S1"),
              List.of("B8:CA:3A", "18:66:DA", "F4:02:70"),
              "Matrox G200eW3 (Nuvoton) WDDM 2.0"),
          new Vendor(
              "HPE",
              LabRandom::smbiosUuid,
              r -> "CZJ" + r.digits(3) + r.serviceTag(4),
              r -> "PVYXA" + r.serviceTag(3) + r.digits(6),
              List.of("HPE Smart Array P408i-a SR Gen10", "HPE Smart Array E208i-a SR Gen10"),
              List.of("94:40:C9", "48:DF:37"),
              "Matrox G200eH3"),
          new Vendor(
              "Supermicro",
              LabRandom::smbiosUuid,
              r -> "S" + r.digits(6) + "X" + r.digits(1) + r.serviceTag(2) + r.digits(5),
              r -> "OM" + r.digits(2) + "AS" + r.digits(6),
              List.of("Broadcom MegaRAID SAS 9361-8i", "Intel Chipset SATA RAID Controller"),
              List.of("AC:1F:6B", "3C:EC:EF"),
              "ASPEED Graphics Family(WDDM)"));

  private static final List<Function<LabRandom, String>> DISK_SERIALS =
      List.of(
          r -> "S4EWNX0R" + r.digits(6) + "Z", // Samsung SSD
          r -> "BTYF" + r.digits(8) + "480BGN", // Intel SSD
          r -> "WD-WX" + r.digits(2) + "D" + r.digits(8), // Western Digital HDD
          r -> "ZA" + r.serviceTag(6)); // Seagate HDD

  @Override
  public MachineFacts newMachine(LabRandom random) {
    Vendor vendor = random.pick(VENDORS);
    Map<Component, String> components = new EnumMap<>(Component.class);
    components.put(Component.UUID, vendor.uuid().apply(random));
    components.put(Component.SERIAL, vendor.serial().apply(random));
    components.put(Component.BASEBOARD, vendor.baseboard().apply(random));
    components.put(Component.CPU, ServerCpus.pick(random));
    components.put(Component.RAM, random.ram(random.pick(RAM_GIB)));
    components.put(Component.DISK, random.pick(DISK_SERIALS).apply(random));
    components.put(Component.CONTROLLER, random.pick(vendor.controllers()));
    components.put(Component.NIC, random.mac(random.pick(vendor.nicOuis())));
    components.put(Component.DISPLAY, vendor.display());
    components.put(Component.VOLUME, random.windowsVolumeSerial());
    return new MachineFacts(components, Optional.of(vendor.oemMarker()), true);
  }
}
