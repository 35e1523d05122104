package dev.keyward.machines;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.core.hardware.HardwareIdentity;
import dev.keyward.core.phone.HardwareFingerprint;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The phone's short hashes (core's HardwareFingerprint) over pairs of realistic lab machines. */
class ShortHashOnLabMachinesTest {
  private static final String PRODUCT = "winserver";

  private final SplittableRandom random = new SplittableRandom(2019);

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
}
