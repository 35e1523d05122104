package dev.keyward.core.hardware;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Fixed machines for core's tests that need a realistic one and care about no particular value:
 * what a VMware guest and two rack servers report. The lab's profiles (module {@code machines})
 * made them once; they are written out here because core's tests may not use the lab.
 */
public final class TestMachines {
  private TestMachines() {}

  /** A VMware ESXi guest: VMware's UUID, serial, disk and NIC styles, no OEM marker. */
  public static MachineFacts vmwareGuest() {
    return machine(
        Optional.empty(),
        "BB0F4D56-3418-A377-5A94-C9BF390B7702",
        "VMware-56 4d 0f bb 18 34 77 a3-5a 94 c9 bf 39 0b 77 02",
        null,
        "AMD EPYC 7543 32-Core Processor [178BFBFF00A00F11]",
        "64 GiB",
        "6000c291f4b3e592471abe05194bb55d",
        "VMware PVSCSI",
        "00:50:56:A1:47:E1",
        "VMware SVGA 3D",
        "E98E-DF7F");
  }

  /** A Supermicro rack server, every component reported, the vendor's OEM marker. */
  public static MachineFacts rackServer() {
    return machine(
        Optional.of("Supermicro"),
        "58CB352D-441A-4816-A01C-A09C15D9287D",
        "S541211X3LC80857",
        "OM78AS586120",
        "Intel(R) Xeon(R) CPU E5-2680 v4 @ 2.40GHz [BFEBFBFF000406F1]",
        "512 GiB",
        "WD-WX92D79706393",
        "Intel Chipset SATA RAID Controller",
        "AC:1F:6B:1C:DF:C3",
        "ASPEED Graphics Family(WDDM)",
        "FB52-AAF1");
  }

  /**
   * Another Supermicro rack server: the same controller and display as {@link #rackServer()}, every
   * other component different, so far outside tolerance of it.
   */
  public static MachineFacts otherRackServer() {
    return machine(
        Optional.of("Supermicro"),
        "4884DDAE-848E-42D6-AA4E-6373577A4C79",
        "S552732X9DN19176",
        "OM85AS374896",
        "AMD EPYC 7543 32-Core Processor [178BFBFF00A00F11]",
        "64 GiB",
        "ZAQWQ5M1",
        "Intel Chipset SATA RAID Controller",
        "3C:EC:EF:3F:DC:F0",
        "ASPEED Graphics Family(WDDM)",
        "69D6-975B");
  }

  /** The ten values in {@link Component} order; a null one is absent. */
  private static MachineFacts machine(Optional<String> oemMarker, String... values) {
    Map<Component, String> components = new EnumMap<>(Component.class);
    for (Component component : Component.values()) {
      String value = values[component.ordinal()];
      if (value != null) {
        components.put(component, value);
      }
    }
    return new MachineFacts(components, oemMarker, true);
  }
}
