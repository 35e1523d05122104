package dev.keyward.core.phone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyward.core.hardware.Component;
import dev.keyward.core.hardware.ComponentHash;
import dev.keyward.core.hardware.HardwareIdentity;
import dev.keyward.core.hardware.TestMachines;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HardwareFingerprintTest {
  private static final String PRODUCT = "winserver";

  private final HardwareIdentity activated =
      HardwareIdentity.of(TestMachines.vmwareGuest(), PRODUCT);

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
