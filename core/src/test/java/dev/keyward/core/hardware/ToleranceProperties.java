package dev.keyward.core.hardware;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.core.error.ErrorCode;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ToleranceProperties {

  @Property
  void exactlyTheLimitIsWithin(
      @ForAll("machines") MachineFacts activated,
      @ForAll("changes") Set<Component> changed,
      @ForAll("weights") Map<Component, Integer> weights) {
    MachineFacts current = change(activated, changed);
    int score = changed.stream().mapToInt(weights::get).sum();

    ToleranceResult result = compare(activated, current, new TolerancePolicy(weights, score));

    assertThat(result).isInstanceOf(ToleranceResult.Within.class);
    assertThat(result.changed()).isEqualTo(changed);
    assertThat(result.score()).isEqualTo(score);
  }

  @Property
  void oneOverTheLimitIsOutside(
      @ForAll("machines") MachineFacts activated,
      @ForAll("changes") Set<Component> changed,
      @ForAll("weights") Map<Component, Integer> weights) {
    int score = changed.stream().mapToInt(weights::get).sum();
    Assume.that(score > 0);
    MachineFacts current = change(activated, changed);

    ToleranceResult result = compare(activated, current, new TolerancePolicy(weights, score - 1));

    assertThat(result).isInstanceOf(ToleranceResult.Outside.class);
    ToleranceResult.Outside outside = (ToleranceResult.Outside) result;
    assertThat(outside.changed()).isEqualTo(changed);
    assertThat(outside.failure().error()).isEqualTo(ErrorCode.OUT_OF_TOLERANCE);
    for (Component component : changed) {
      assertThat(outside.failure().detail()).contains(component.fileName());
    }
  }

  @Property
  void underTheDefaultPolicyOnlyTheCountOfChangesMatters(
      @ForAll("machines") MachineFacts activated, @ForAll("changes") Set<Component> changed) {
    ToleranceResult result =
        compare(activated, change(activated, changed), TolerancePolicy.defaultPolicy());

    assertThat(result instanceof ToleranceResult.Within).isEqualTo(changed.size() <= 3);
  }

  @Property
  void withinAnswersAsCompareDoes(
      @ForAll("machines") MachineFacts activated,
      @ForAll("changes") Set<Component> changed,
      @ForAll("weights") Map<Component, Integer> weights,
      @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 30) int limit) {
    HardwareIdentity before = HardwareIdentity.of(activated, "product");
    HardwareIdentity after = HardwareIdentity.of(change(activated, changed), "product");
    TolerancePolicy policy = new TolerancePolicy(weights, limit);

    assertThat(Tolerance.within(before, after, policy))
        .isEqualTo(Tolerance.compare(before, after, policy) instanceof ToleranceResult.Within);
  }

  /** {@code machine} with every component in {@code changed} given a value it did not have. */
  private static MachineFacts change(MachineFacts machine, Set<Component> changed) {
    MachineFacts current = machine;
    for (Component component : changed) {
      // Flip presence half the time so absent <-> present counts as a change too.
      current =
          machine.component(component).isPresent() && component.ordinal() % 2 == 0
              ? current.without(component)
              : current.with(component, machine.component(component).orElse("") + "#changed");
    }
    return current;
  }

  private static ToleranceResult compare(
      MachineFacts activated, MachineFacts current, TolerancePolicy policy) {
    return Tolerance.compare(
        HardwareIdentity.of(activated, "product"), HardwareIdentity.of(current, "product"), policy);
  }

  @Provide
  Arbitrary<MachineFacts> machines() {
    return MachineArbitraries.machines();
  }

  @Provide
  Arbitrary<Set<Component>> changes() {
    return Arbitraries.of(Component.class).set();
  }

  @Provide
  Arbitrary<Map<Component, Integer>> weights() {
    return Arbitraries.integers()
        .between(0, 5)
        .list()
        .ofSize(Component.values().length)
        .map(
            list -> {
              Map<Component, Integer> weights = TolerancePolicyTest.weightsOf(0);
              for (Component component : Component.values()) {
                weights.put(component, list.get(component.ordinal()));
              }
              return weights;
            });
  }
}
