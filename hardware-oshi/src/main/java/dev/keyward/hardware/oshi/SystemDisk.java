package dev.keyward.hardware.oshi;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import oshi.hardware.HWDiskStore;
import oshi.hardware.HWPartition;
import oshi.software.os.OSFileStore;

/**
 * Finds the system volume (the file store the operating system runs from) and the disk that holds
 * it, as OSHI lists them.
 */
final class SystemDisk {
  private SystemDisk() {}

  /**
   * The file store mounted at the system root: {@code /} on Linux and macOS, the system drive
   * (usually {@code C:\}) on Windows.
   */
  static Optional<OSFileStore> systemVolume(List<OSFileStore> stores, String systemRoot) {
    return stores.stream()
        .filter(store -> systemRoot.equalsIgnoreCase(store.getMount()))
        .findFirst();
  }

  /**
   * The disk holding {@code volume}: the one with a partition mounted there or named as the
   * volume's device, else the disk that is itself the volume's device (a file system on a whole
   * disk, common in VMs). Empty for volumes on no listed disk (overlay roots in containers, LVM).
   */
  static Optional<HWDiskStore> holding(OSFileStore volume, List<HWDiskStore> disks) {
    for (HWDiskStore disk : disks) {
      for (HWPartition partition : disk.getPartitions()) {
        if (same(partition.getMountPoint(), volume.getMount())
            || same(partition.getIdentification(), volume.getVolume())) {
          return Optional.of(disk);
        }
      }
    }
    return disks.stream().filter(disk -> same(disk.getName(), volume.getVolume())).findFirst();
  }

  /** The system root of this operating system, as OSHI writes mount points. */
  static String systemRoot() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    if (os.startsWith("windows")) {
      String drive = Optional.ofNullable(System.getenv("SystemDrive")).orElse("C:");
      return drive + "\\";
    }
    return "/";
  }

  private static boolean same(String a, String b) {
    return a != null && !a.isBlank() && a.equalsIgnoreCase(b);
  }
}
