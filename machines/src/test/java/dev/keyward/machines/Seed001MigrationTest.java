package dev.keyward.machines;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.hardware.Component;
import dev.keyward.core.hardware.HardwareIdentity;
import dev.keyward.core.hardware.MachineFacts;
import dev.keyward.core.hardware.MachineFile;
import dev.keyward.core.hardware.MachineFileReading;
import dev.keyward.core.hardware.Tolerance;
import dev.keyward.core.hardware.TolerancePolicy;
import dev.keyward.core.hardware.ToleranceResult;
import dev.keyward.core.phone.HardwareFingerprint;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Seed 001: a Windows Server 2019 VM moved from VMware to Proxmox gets 0xC004F00F because the move
 * recreates the SMBIOS UUID and serial and swaps the storage controller, NIC and display adapter.
 * Copying the old UUID and serial into the new VM (qm set --smbios1) keeps it within tolerance,
 * online and by phone.
 */
class Seed001MigrationTest {
  private static final String PRODUCT = "winserver";

  private final SplittableRandom random = new SplittableRandom(2019);
  private final MachineFacts onVmware = LabProfile.VMWARE_VM.newMachine(random);
  private final HardwareIdentity activated = HardwareIdentity.of(onVmware, PRODUCT);

  @Test
  void movingToProxmoxIsOutOfTolerance() {
    MachineFacts onProxmox = LabProfile.migrate(onVmware, LabProfile.PROXMOX_VM, Set.of(), random);

    ToleranceResult result =
        Tolerance.compare(
            activated, HardwareIdentity.of(onProxmox, PRODUCT), TolerancePolicy.defaultPolicy());

    assertThat(result).isInstanceOf(ToleranceResult.Outside.class);
    assertThat(result.changed())
        .containsExactly(
            Component.UUID,
            Component.SERIAL,
            Component.CONTROLLER,
            Component.NIC,
            Component.DISPLAY);
    assertThat(result.score()).isEqualTo(5);
    ToleranceResult.Outside outside = (ToleranceResult.Outside) result;
    assertThat(outside.failure().error()).isEqualTo(ErrorCode.OUT_OF_TOLERANCE);
    assertThat(outside.failure().error().hex()).isEqualTo("0xC004F00F");
    assertThat(outside.failure().detail()).contains("uuid, serial, controller, nic, display");
  }

  @Test
  void keepingUuidAndSerialChangesThreeAndStaysWithinTolerance() {
    MachineFacts onProxmox =
        LabProfile.migrate(
            onVmware, LabProfile.PROXMOX_VM, Set.of(Component.UUID, Component.SERIAL), random);

    ToleranceResult result =
        Tolerance.compare(
            activated, HardwareIdentity.of(onProxmox, PRODUCT), TolerancePolicy.defaultPolicy());

    assertThat(result)
        .isEqualTo(
            new ToleranceResult.Within(
                Set.of(Component.CONTROLLER, Component.NIC, Component.DISPLAY), 3));
  }

  @Test
  void theSameMoveThroughMachineFilesAsTheLabCommandsDoIt() {
    // keyward lab machine new --profile vmware-vm > vm.yaml
    String vmFile = MachineFile.write(onVmware, Optional.of(LabProfile.VMWARE_VM.profileName()));
    // keyward lab machine migrate vm.yaml --to proxmox-vm --keep uuid,serial
    MachineFacts read = loaded(vmFile, "vm.yaml").facts();
    MachineFacts moved =
        LabProfile.migrate(
            read, LabProfile.PROXMOX_VM, Set.of(Component.UUID, Component.SERIAL), random);
    MachineFile movedFile =
        loaded(
            MachineFile.write(moved, Optional.of(LabProfile.PROXMOX_VM.profileName())),
            "vm-pve.yaml");

    assertThat(movedFile.profile().flatMap(LabProfile::byName)).contains(LabProfile.PROXMOX_VM);
    assertThat(movedFile.facts().component(Component.CONTROLLER))
        .get()
        .isIn("VirtIO SCSI", "VirtIO Block");
    assertThat(
            Tolerance.compare(
                activated,
                HardwareIdentity.of(movedFile.facts(), PRODUCT),
                TolerancePolicy.defaultPolicy()))
        .isInstanceOf(ToleranceResult.Within.class);
  }

  // --- the same moves seen by phone: the installation ID carries 8-bit short hashes ---

  @Test
  void seed001MoveIsOutOfToleranceByPhoneToo() {
    MachineFacts onProxmox = LabProfile.migrate(onVmware, LabProfile.PROXMOX_VM, Set.of(), random);
    HardwareIdentity now = HardwareIdentity.of(onProxmox, PRODUCT);

    ToleranceResult full = Tolerance.compare(activated, now, TolerancePolicy.defaultPolicy());
    ToleranceResult byPhone =
        HardwareFingerprint.compare(
            activated, HardwareFingerprint.of(now), TolerancePolicy.defaultPolicy());

    assertThat(byPhone).isEqualTo(full);
    assertThat(byPhone).isInstanceOf(ToleranceResult.Outside.class);
    assertThat(((ToleranceResult.Outside) byPhone).failure().error())
        .isEqualTo(ErrorCode.OUT_OF_TOLERANCE);
  }

  @Test
  void seed001MoveKeepingUuidAndSerialStaysWithinTolerance() {
    MachineFacts onProxmox =
        LabProfile.migrate(
            onVmware, LabProfile.PROXMOX_VM, Set.of(Component.UUID, Component.SERIAL), random);
    HardwareFingerprint now = HardwareFingerprint.of(HardwareIdentity.of(onProxmox, PRODUCT));

    ToleranceResult byPhone =
        HardwareFingerprint.compare(activated, now, TolerancePolicy.defaultPolicy());

    assertThat(byPhone).isInstanceOf(ToleranceResult.Within.class);
    assertThat(byPhone.changed())
        .containsExactly(Component.CONTROLLER, Component.NIC, Component.DISPLAY);
    assertThat(
            HardwareFingerprint.compare(
                HardwareFingerprint.of(activated), now, TolerancePolicy.defaultPolicy()))
        .isEqualTo(byPhone);
  }

  private static MachineFile loaded(String text, String fileName) {
    MachineFileReading reading = MachineFile.read(text, fileName, LabProfile.names());
    assertThat(reading).isInstanceOf(MachineFileReading.Loaded.class);
    return ((MachineFileReading.Loaded) reading).file();
  }
}
