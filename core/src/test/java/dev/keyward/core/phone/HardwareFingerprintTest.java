package dev.keyward.core.phone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.hardware.Component;
import dev.keyward.core.hardware.ComponentHash;
import dev.keyward.core.hardware.HardwareIdentity;
import dev.keyward.core.hardware.LabProfile;
import dev.keyward.core.hardware.MachineFacts;
import dev.keyward.core.hardware.Tolerance;
import dev.keyward.core.hardware.TolerancePolicy;
import dev.keyward.core.hardware.ToleranceResult;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HardwareFingerprintTest {
  private static final String PRODUCT = "winserver";

  private final SplittableRandom random = new SplittableRandom(2019);
  private final MachineFacts onVmware = LabProfile.VMWARE_VM.newMachine(random);
  private final HardwareIdentity activated = HardwareIdentity.of(onVmware, PRODUCT);

  @Test
  void shortHashesAreTheFirstByteOfEachComponentHash() {
    HardwareFingerprint fingerprint = HardwareFingerprint.of(activated);

    for (Component component : Component.values()) {
      String hex = activated.hash(component).hex();
      assertThat(fingerprint.shortHash(component))
          .isEqualTo(Integer.parseInt(hex.substring(0, 2), 16));
    }
    assertThat(fingerprint.differencesFrom(activated)).isEmpty();
  }

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

  @Test
  void aShortHashNeverSeesAChangeTheFullHashDoesNot() {
    for (int i = 0; i < 500; i++) {
      HardwareIdentity one =
          HardwareIdentity.of(LabProfile.PHYSICAL_SERVER.newMachine(random), PRODUCT);
      HardwareIdentity two = HardwareIdentity.of(LabProfile.HYPERV_VM.newMachine(random), PRODUCT);

      assertThat(one.differencesFrom(two))
          .containsAll(HardwareFingerprint.of(one).differencesFrom(two));
    }
  }

  @Test
  void aChangedComponentKeepsItsShortHashOnceIn256() {
    // Uniform full hashes, as high-entropy components (uuid, serial, disk, nic, volume) give. For
    // components with few values (ram, controller, display, cpu) a pair of values either always
    // or never collides for a product: 1/256 is then the share of such pairs, not a per-event odds.
    java.util.Random hashes = new java.util.Random(256);
    int missed = 0;
    int trials = 100_000;
    for (int i = 0; i < trials; i++) {
      ComponentHash before = randomHash(hashes);
      ComponentHash after = randomHash(hashes);
      if (!before.equals(after)
          && HardwareFingerprint.shortHash(before) == HardwareFingerprint.shortHash(after)) {
        missed++;
      }
    }
    // Expected 100000 / 256 = 390.6, standard deviation about 20.
    assertThat(missed).isBetween(300, 480);
  }

  private static ComponentHash randomHash(java.util.Random random) {
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    return new ComponentHash(java.util.HexFormat.of().formatHex(bytes));
  }

  @Test
  void refusesIncompleteOrOutOfRangeFingerprints() {
    Map<Component, Integer> hashes = new EnumMap<>(Component.class);
    for (Component component : Component.values()) {
      hashes.put(component, 0);
    }
    hashes.remove(Component.NIC);
    assertThatThrownBy(() -> new HardwareFingerprint(hashes))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nic");
    hashes.put(Component.NIC, 256);
    assertThatThrownBy(() -> new HardwareFingerprint(hashes))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
