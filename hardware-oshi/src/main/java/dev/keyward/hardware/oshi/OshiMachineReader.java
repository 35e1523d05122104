package dev.keyward.hardware.oshi;

import dev.keyward.core.hardware.Component;
import dev.keyward.core.hardware.ComponentValues;
import dev.keyward.core.hardware.MachineFacts;
import dev.keyward.core.hardware.RamBucket;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.hardware.HWDiskStore;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.software.os.OSFileStore;

/**
 * Reads the machine this runs on into {@link MachineFacts}, with OSHI.
 *
 * <p>Reading never fails: a component that cannot be read (no permission for the firmware tables, a
 * container without disks, a native library that will not load) is absent, and the machine is still
 * described by the rest. Activation must go on with what the machine can tell; tolerance then
 * decides whether that is still the activated machine.
 */
public final class OshiMachineReader {
  private final Supplier<SystemInfo> systemInfo;
  private final LinuxStorageController controllers;

  public OshiMachineReader() {
    this(SystemInfo::new, new LinuxStorageController());
  }

  OshiMachineReader(Supplier<SystemInfo> systemInfo, LinuxStorageController controllers) {
    this.systemInfo = systemInfo;
    this.controllers = controllers;
  }

  /** This machine, not simulated; components it does not reveal are absent. */
  public MachineFacts read() {
    Map<Component, String> components = new EnumMap<>(Component.class);
    attempt(() -> Optional.of(systemInfo.get()))
        .ifPresent(
            si -> {
              // Listing file systems and disks is slow: done once for the three components using
              // them.
              Optional<OSFileStore> volume = attempt(() -> systemVolume(si));
              Optional<HWDiskStore> disk =
                  volume.flatMap(
                      v -> attempt(() -> SystemDisk.holding(v, si.getHardware().getDiskStores())));
              for (Component component : Component.values()) {
                attempt(() -> read(component, si.getHardware(), volume, disk))
                    .ifPresent(value -> components.put(component, value));
              }
            });
    // No source of a Keyward OEM marker exists on real firmware yet: real machines have none.
    return new MachineFacts(components, Optional.empty(), false);
  }

  private Optional<String> read(
      Component component,
      HardwareAbstractionLayer hardware,
      Optional<OSFileStore> volume,
      Optional<HWDiskStore> disk) {
    return switch (component) {
      case UUID ->
          FirmwareText.clean(hardware.getComputerSystem().getHardwareUUID())
              .map(uuid -> uuid.toUpperCase(Locale.ROOT)); // Windows' form; Linux gives lower case
      case SERIAL -> FirmwareText.clean(hardware.getComputerSystem().getSerialNumber());
      case BASEBOARD ->
          FirmwareText.clean(hardware.getComputerSystem().getBaseboard().getSerialNumber());
      case CPU -> cpu(hardware.getProcessor().getProcessorIdentifier());
      case RAM -> RamBucket.of(hardware.getMemory().getTotal());
      case DISK -> disk.flatMap(d -> FirmwareText.clean(d.getSerial()));
      case CONTROLLER -> disk.flatMap(this::controller);
      case NIC -> PrimaryNic.macOf(hardware.getNetworkIFs(false));
      case DISPLAY ->
          hardware.getGraphicsCards().stream()
              .flatMap(card -> FirmwareText.clean(card.getName()).stream())
              .findFirst();
      case VOLUME -> volume.flatMap(v -> FirmwareText.clean(v.getUUID()));
    };
  }

  private static Optional<String> cpu(CentralProcessor.ProcessorIdentifier processor) {
    return ComponentValues.cpu(
        FirmwareText.clean(processor.getName()), FirmwareText.clean(processor.getProcessorID()));
  }

  /**
   * The controller driver where the system exposes it, else the disk model, the nearest OSHI has.
   */
  private Optional<String> controller(HWDiskStore disk) {
    return controllers.driverOf(disk.getName()).or(() -> FirmwareText.clean(disk.getModel()));
  }

  private static Optional<OSFileStore> systemVolume(SystemInfo si) {
    return SystemDisk.systemVolume(
        si.getOperatingSystem().getFileSystem().getFileStores(true), SystemDisk.systemRoot());
  }

  /**
   * Runs one read, turning any failure into "absent". LinkageError is caught on purpose: OSHI
   * reaches the OS through JNA, whose native library may fail to load (a noexec temp directory, an
   * unsupported platform), and that must cost the components, not the caller.
   */
  private static <T> Optional<T> attempt(Supplier<Optional<T>> read) {
    try {
      return read.get();
    } catch (RuntimeException | LinkageError e) {
      return Optional.empty();
    }
  }
}
