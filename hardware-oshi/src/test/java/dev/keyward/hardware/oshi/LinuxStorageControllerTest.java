package dev.keyward.hardware.oshi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Builds small sysfs trees shaped like the kernel's, with the same symlinks. */
class LinuxStorageControllerTest {
  @TempDir Path sys;

  @Test
  void aVirtioBlockDiskIsItsOwnController() throws IOException {
    Path virtio = device("devices/pci0000:00/0000:00:05.0/virtio2", "virtio/drivers/virtio_blk");
    driver("devices/pci0000:00/0000:00:05.0", "pci/drivers/virtio-pci");
    block("vda", virtio);

    assertThat(new LinuxStorageController(sys).driverOf("/dev/vda")).contains("virtio_blk");
  }

  @Test
  void aScsiDiskReportsTheControllerAboveTheScsiLayers() throws IOException {
    String controller = "devices/pci0000:00/0000:00:04.0/virtio1";
    driver(controller, "virtio/drivers/virtio_scsi");
    Path disk = device(controller + "/host0/target0:0:0/0:0:0:0", "scsi/drivers/sd");
    block("sda", disk);

    assertThat(new LinuxStorageController(sys).driverOf("/dev/sda")).contains("virtio_scsi");
  }

  @Test
  void aSataDiskReportsTheAhciController() throws IOException {
    String controller = "devices/pci0000:00/0000:00:17.0";
    driver(controller, "pci/drivers/ahci");
    Path disk = device(controller + "/ata1/host0/target0:0:0/0:0:0:0", "scsi/drivers/sd");
    block("sda", disk);

    assertThat(new LinuxStorageController(sys).driverOf("sda")).contains("ahci");
  }

  @Test
  void anUnknownDiskOrAMissingSysfsHasNoController() throws IOException {
    assertThat(new LinuxStorageController(sys).driverOf("/dev/nvme0n1")).isEmpty();
    assertThat(new LinuxStorageController(sys.resolve("nothing")).driverOf("/dev/sda")).isEmpty();

    Path bare = Files.createDirectories(sys.resolve("devices/virtual/block/loop0"));
    block("loop0", bare);
    assertThat(new LinuxStorageController(sys).driverOf("loop0")).isEmpty();
  }

  private Path device(String path, String driver) throws IOException {
    Path dir = Files.createDirectories(sys.resolve(path));
    driver(path, driver);
    return dir;
  }

  private void driver(String path, String driver) throws IOException {
    Path target = Files.createDirectories(sys.resolve("bus").resolve(driver));
    Path dir = Files.createDirectories(sys.resolve(path));
    Files.createSymbolicLink(dir.resolve("driver"), dir.relativize(target));
  }

  private void block(String name, Path device) throws IOException {
    Path dir = Files.createDirectories(sys.resolve("block").resolve(name));
    Files.createSymbolicLink(dir.resolve("device"), dir.relativize(device));
  }
}
