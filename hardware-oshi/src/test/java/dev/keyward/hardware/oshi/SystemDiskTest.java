package dev.keyward.hardware.oshi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import oshi.hardware.HWDiskStore;
import oshi.hardware.HWPartition;
import oshi.software.os.OSFileStore;

class SystemDiskTest {
  private static final OSFileStore ROOT = store("/", "/dev/sda2");
  private static final OSFileStore BOOT = store("/boot", "/dev/sda1");
  private static final OSFileStore DATA = store("/data", "/dev/sdb1");

  @Test
  void theSystemVolumeIsTheOneMountedAtTheRoot() {
    assertThat(SystemDisk.systemVolume(List.of(BOOT, DATA, ROOT), "/")).contains(ROOT);
    assertThat(SystemDisk.systemVolume(List.of(BOOT, DATA), "/")).isEmpty();
  }

  @Test
  void onWindowsTheSystemDriveIsMatchedWhateverItsCase() {
    OSFileStore c = store("C:\\", "\\\\?\\Volume{0d5c1f2e-0000-0000-0000-100000000000}\\");

    assertThat(SystemDisk.systemVolume(List.of(c), "c:\\")).contains(c);
  }

  @Test
  void theSystemDiskHoldsTheRootPartition() {
    HWDiskStore sda =
        disk("/dev/sda", partition("/dev/sda1", "/boot"), partition("/dev/sda2", "/"));
    HWDiskStore sdb = disk("/dev/sdb", partition("/dev/sdb1", "/data"));

    assertThat(SystemDisk.holding(ROOT, List.of(sdb, sda))).contains(sda);
  }

  @Test
  void aPartitionIsFoundByDeviceWhenItHasNoMountPointListed() {
    HWDiskStore sda = disk("/dev/sda", partition("/dev/sda2", ""));

    assertThat(SystemDisk.holding(ROOT, List.of(sda))).contains(sda);
  }

  @Test
  void aFileSystemOnTheWholeDiskIsOnThatDisk() {
    HWDiskStore vda = disk("/dev/vda");

    assertThat(SystemDisk.holding(store("/", "/dev/vda"), List.of(disk("/dev/zram0"), vda)))
        .contains(vda);
  }

  @Test
  void anOverlayRootIsOnNoDisk() {
    assertThat(SystemDisk.holding(store("/", "overlay"), List.of(disk("/dev/vda")))).isEmpty();
  }

  private static OSFileStore store(String mount, String volume) {
    return Fakes.of(OSFileStore.class, Map.of("getMount", mount, "getVolume", volume));
  }

  private static HWDiskStore disk(String name, HWPartition... partitions) {
    return Fakes.of(
        HWDiskStore.class, Map.of("getName", name, "getPartitions", List.of(partitions)));
  }

  private static HWPartition partition(String device, String mountPoint) {
    return new HWPartition(device, device, "ext4", "", 1L << 30, 8, 2, mountPoint);
  }
}
