package dev.keyward.hardware.oshi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * The storage-controller type of a Linux disk, which OSHI does not report: the kernel driver bound
 * to the controller the disk hangs off ({@code virtio_blk}, {@code virtio_scsi}, {@code ahci},
 * {@code nvme}, {@code megaraid_sas}, ...), found by walking sysfs from the disk's device towards
 * the PCI root and taking the first driver that is not a disk-class driver.
 */
final class LinuxStorageController {
  /** Drivers of the disk itself rather than of its controller. */
  private static final Set<String> DISK_DRIVERS = Set.of("sd", "sr");

  private final Path sysfs;

  /** Reads the real {@code /sys}. */
  LinuxStorageController() {
    this(Path.of("/sys"));
  }

  /** Reads a sysfs tree rooted at {@code sysfs}; tests build one. */
  LinuxStorageController(Path sysfs) {
    this.sysfs = sysfs;
  }

  /**
   * The controller driver of the disk OSHI names {@code diskName} ({@code /dev/sda} or {@code
   * sda}); empty when sysfs is missing, as on other systems and in many containers.
   */
  Optional<String> driverOf(String diskName) {
    String device = Path.of(diskName).getFileName().toString();
    Path link = sysfs.resolve("block").resolve(device).resolve("device");
    if (!Files.exists(link)) {
      return Optional.empty();
    }
    try {
      for (Path dir = link.toRealPath(); dir != null && dir.startsWith(sysfs.toRealPath()); ) {
        Optional<String> driver = driverAt(dir);
        if (driver.isPresent() && !DISK_DRIVERS.contains(driver.get())) {
          return driver;
        }
        dir = dir.getParent();
      }
    } catch (IOException e) {
      // A device unplugged while we walk, or sysfs not readable: the controller is unknown.
    }
    return Optional.empty();
  }

  private static Optional<String> driverAt(Path dir) throws IOException {
    Path driver = dir.resolve("driver");
    if (!Files.isSymbolicLink(driver)) {
      return Optional.empty();
    }
    return Optional.of(driver.toRealPath().getFileName().toString());
  }
}
