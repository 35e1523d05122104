package dev.keyward.machines;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.core.hardware.Component;
import dev.keyward.core.hardware.MachineFacts;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LabProfileTest {

  @Test
  void profilesAreLookedUpByTheirFileNames() {
    assertThat(Arrays.stream(LabProfile.values()).map(LabProfile::profileName))
        .containsExactly("physical-server", "vmware-vm", "proxmox-vm", "hyperv-vm");
    for (LabProfile profile : LabProfile.values()) {
      assertThat(LabProfile.byName(profile.profileName())).contains(profile);
    }
    assertThat(LabProfile.byName("VMWARE_VM")).isEmpty();
    assertThat(LabProfile.byName("kvm")).isEmpty();
    assertThat(LabProfile.names())
        .containsExactly("physical-server", "vmware-vm", "proxmox-vm", "hyperv-vm");
    assertThat(LabProfile.allNames())
        .isEqualTo("physical-server, vmware-vm, proxmox-vm, hyperv-vm");
  }

  @Test
  void aVmwareSerialIsItsBiosUuidAndWindowsShowsTheUuidByteSwapped() {
    MachineFacts vm = LabProfile.VMWARE_VM.newMachine(new SplittableRandom(7));

    String serial = vm.component(Component.SERIAL).orElseThrow();
    assertThat(serial).matches("VMware-56 4d( [0-9a-f]{2}){6}-[0-9a-f]{2}( [0-9a-f]{2}){7}");
    byte[] uuidBios =
        HexFormat.of().parseHex(serial.substring("VMware-".length()).replaceAll("[ -]", ""));
    String uuid = vm.component(Component.UUID).orElseThrow().replace("-", "");
    byte[] smbios = HexFormat.of().parseHex(uuid);
    assertThat(smbios[0]).isEqualTo(uuidBios[3]);
    assertThat(smbios[3]).isEqualTo(uuidBios[0]);
    assertThat(smbios[4]).isEqualTo(uuidBios[5]);
    assertThat(smbios[6]).isEqualTo(uuidBios[7]);
    assertThat(Arrays.copyOfRange(smbios, 8, 16)).isEqualTo(Arrays.copyOfRange(uuidBios, 8, 16));
  }

  @Test
  void aVmwareVmLooksLikeOne() {
    MachineFacts vm = LabProfile.VMWARE_VM.newMachine(new SplittableRandom(1));

    assertThat(vm.component(Component.NIC))
        .hasValueSatisfying(m -> assertThat(m).startsWith("00:50:56:"));
    assertThat(vm.component(Component.CONTROLLER)).get().isIn("VMware PVSCSI", "LSI Logic SAS");
    assertThat(vm.component(Component.DISPLAY)).contains("VMware SVGA 3D");
    assertThat(vm.component(Component.DISK))
        .hasValueSatisfying(d -> assertThat(d).matches("6000c29[0-9a-f]{25}"));
    assertThat(vm.component(Component.BASEBOARD)).isEmpty();
    assertThat(vm.oemMarker()).isEmpty();
    assertThat(vm.simulated()).isTrue();
  }

  @Test
  void aProxmoxVmLooksLikeOne() {
    MachineFacts vm = LabProfile.PROXMOX_VM.newMachine(new SplittableRandom(1));

    assertThat(vm.component(Component.NIC))
        .hasValueSatisfying(m -> assertThat(m).startsWith("BC:24:11:"));
    assertThat(vm.component(Component.CONTROLLER)).get().isIn("VirtIO SCSI", "VirtIO Block");
    assertThat(vm.component(Component.DISPLAY)).get().isIn("VirtIO GPU", "Standard VGA");
    assertThat(vm.component(Component.SERIAL)).isEmpty();
    assertThat(vm.oemMarker()).isEmpty();
    assertThat(vm.simulated()).isTrue();
  }

  @Test
  void aHyperVVmLooksLikeOne() {
    MachineFacts vm = LabProfile.HYPERV_VM.newMachine(new SplittableRandom(1));

    assertThat(vm.component(Component.NIC))
        .hasValueSatisfying(m -> assertThat(m).startsWith("00:15:5D:"));
    assertThat(vm.component(Component.DISPLAY)).contains("Microsoft Hyper-V Video");
    assertThat(vm.component(Component.SERIAL))
        .hasValueSatisfying(
            s -> assertThat(s).matches("0000-\\d{4}-\\d{4}-\\d{4}-\\d{4}-\\d{4}-\\d{2}"));
    assertThat(vm.oemMarker()).isEmpty();
  }

  @Test
  void aPhysicalServerHasItsVendorsMarkerAndEveryComponent() {
    MachineFacts server = LabProfile.PHYSICAL_SERVER.newMachine(new SplittableRandom(1));

    assertThat(server.oemMarker()).get().isIn("DELL", "HPE", "Supermicro");
    assertThat(server.components()).containsOnlyKeys(Component.values());
    assertThat(server.simulated()).isTrue();
  }
}
