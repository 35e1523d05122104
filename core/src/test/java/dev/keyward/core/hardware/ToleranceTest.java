package dev.keyward.core.hardware;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.core.error.ErrorCode;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ToleranceTest {
  private static final MachineFacts ACTIVATED =
      new MachineFacts(
          Map.of(
              Component.UUID, "9B1A4D56-1100-3322-4455-66778899AABB",
              Component.CPU, "Intel(R) Xeon(R) Gold 6230 CPU @ 2.10GHz [BFEBFBFF00050657]",
              Component.RAM, "16 GiB",
              Component.NIC, "00:50:56:AB:CD:EF",
              Component.DISPLAY, "VMware SVGA 3D"),
          Optional.empty(),
          true);

  @Test
  void anUnchangedMachineIsWithinWithNothingChanged() {
    ToleranceResult result = compare(ACTIVATED, ACTIVATED, TolerancePolicy.defaultPolicy());

    assertThat(result).isEqualTo(new ToleranceResult.Within(Set.of(), 0));
  }

  @Test
  void threeChangesAreTheSameMachineUnderTheDefault() {
    MachineFacts current =
        ACTIVATED
            .with(Component.RAM, "32 GiB")
            .with(Component.NIC, "00:50:56:00:00:01")
            .without(Component.DISPLAY);

    ToleranceResult result = compare(ACTIVATED, current, TolerancePolicy.defaultPolicy());

    assertThat(result).isInstanceOf(ToleranceResult.Within.class);
    assertThat(result.changed()).containsExactly(Component.RAM, Component.NIC, Component.DISPLAY);
    assertThat(result.score()).isEqualTo(3);
  }

  @Test
  void fourChangesAreOutOfToleranceAndTheFailureNamesThem() {
    MachineFacts current =
        ACTIVATED
            .with(Component.RAM, "32 GiB")
            .with(Component.NIC, "00:50:56:00:00:01")
            .with(Component.DISK, "6000c29aaaa")
            .without(Component.DISPLAY);

    ToleranceResult result = compare(ACTIVATED, current, TolerancePolicy.defaultPolicy());

    assertThat(result).isInstanceOf(ToleranceResult.Outside.class);
    ToleranceResult.Outside outside = (ToleranceResult.Outside) result;
    assertThat(outside.score()).isEqualTo(4);
    assertThat(outside.failure().error()).isEqualTo(ErrorCode.OUT_OF_TOLERANCE);
    assertThat(outside.failure().error().hex()).isEqualTo("0xC004F00F");
    assertThat(outside.failure().detail())
        .contains("ram, disk, nic, display")
        .contains("score 4")
        .contains("limit of 3");
  }

  @Test
  void weightsDecideNotTheCount() {
    Map<Component, Integer> weights = TolerancePolicyTest.weightsOf(1);
    weights.put(Component.UUID, 4);
    TolerancePolicy uuidMatters = new TolerancePolicy(weights, 3);

    MachineFacts newUuid = ACTIVATED.with(Component.UUID, "00000000-0000-4000-8000-000000000001");

    assertThat(compare(ACTIVATED, newUuid, uuidMatters))
        .isInstanceOf(ToleranceResult.Outside.class);
    assertThat(compare(ACTIVATED, newUuid, TolerancePolicy.defaultPolicy()))
        .isInstanceOf(ToleranceResult.Within.class);
  }

  private static ToleranceResult compare(
      MachineFacts activated, MachineFacts current, TolerancePolicy policy) {
    return Tolerance.compare(
        HardwareIdentity.of(activated, "winserver"),
        HardwareIdentity.of(current, "winserver"),
        policy);
  }
}
