package dev.keyward.core.hardware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyward.core.error.ErrorCode;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TolerancePolicyTest {

  @Test
  void theDefaultWeighsEveryComponentOneWithALimitOfThree() {
    TolerancePolicy policy = TolerancePolicy.defaultPolicy();

    assertThat(policy.limit()).isEqualTo(3);
    for (Component component : Component.values()) {
      assertThat(policy.weight(component)).isEqualTo(1);
    }
    assertThat(policy.score(EnumSet.of(Component.UUID, Component.NIC))).isEqualTo(2);
  }

  @Test
  void validInputGivesThePolicy() {
    Map<Component, Integer> weights = weightsOf(1);
    weights.put(Component.NIC, 0);
    weights.put(Component.UUID, 3);

    TolerancePolicyCheck check = TolerancePolicy.validate(weights, 4);

    assertThat(check).isInstanceOf(TolerancePolicyCheck.Valid.class);
    TolerancePolicy policy = ((TolerancePolicyCheck.Valid) check).policy();
    assertThat(policy.weight(Component.UUID)).isEqualTo(3);
    assertThat(policy.score(EnumSet.of(Component.UUID, Component.NIC, Component.CPU))).isEqualTo(4);
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    Map<Component, Integer> weights = new HashMap<>(weightsOf(1));
    weights.remove(Component.DISPLAY);
    weights.put(Component.CPU, -1);
    weights.put(Component.RAM, TolerancePolicy.MAX_WEIGHT + 1);

    TolerancePolicyCheck check = TolerancePolicy.validate(weights, -2);

    assertThat(check).isInstanceOf(TolerancePolicyCheck.Invalid.class);
    TolerancePolicyCheck.Invalid invalid = (TolerancePolicyCheck.Invalid) check;
    assertThat(invalid.problems())
        .hasSize(4)
        .anySatisfy(p -> assertThat(p).contains("display"))
        .anySatisfy(p -> assertThat(p).contains("cpu").contains("-1"))
        .anySatisfy(p -> assertThat(p).contains("ram").contains("1001"))
        .anySatisfy(p -> assertThat(p).contains("limit").contains("-2"));
    assertThat(invalid.failure().error()).isEqualTo(ErrorCode.CATALOG_INVALID);
  }

  @Test
  void missingWeightsAreAProblemNotACrash() {
    assertThat(TolerancePolicy.validate(null, 3)).isInstanceOf(TolerancePolicyCheck.Invalid.class);
  }

  @Test
  void theConstructorHoldsTheSameRules() {
    assertThatThrownBy(() -> new TolerancePolicy(Map.of(), 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("uuid");
  }

  static Map<Component, Integer> weightsOf(int weight) {
    Map<Component, Integer> weights = new EnumMap<>(Component.class);
    for (Component component : Component.values()) {
      weights.put(component, weight);
    }
    return weights;
  }
}
