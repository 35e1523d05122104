package dev.keyward.core.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class SrvOrderProperties {

  @Provide
  Arbitrary<List<SrvTarget>> targets() {
    Arbitrary<SrvTarget> one =
        Combinators.combine(
                Arbitraries.integers().between(0, 3).map(p -> p * 10),
                Arbitraries.integers().between(0, 100),
                Arbitraries.integers().between(1, 65535),
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8))
            .as(SrvTarget::new);
    return one.list().ofMinSize(0).ofMaxSize(12);
  }

  @Property
  void everyTargetOnceAndPrioritiesNeverGoDown(
      @ForAll("targets") List<SrvTarget> targets, @ForAll long seed) {
    List<SrvTarget> ordered = SrvOrder.order(targets, new Random(seed));
    assertThat(ordered).containsExactlyInAnyOrderElementsOf(targets);
    for (int i = 1; i < ordered.size(); i++) {
      assertThat(ordered.get(i).priority()).isGreaterThanOrEqualTo(ordered.get(i - 1).priority());
    }
  }

  @Property
  void theLowestPriorityIsAlwaysFirst(
      @ForAll("targets") List<SrvTarget> targets, @ForAll long seed) {
    if (targets.isEmpty()) {
      return;
    }
    int lowest = targets.stream().mapToInt(SrvTarget::priority).min().orElseThrow();
    assertThat(SrvOrder.order(targets, new Random(seed)).get(0).priority()).isEqualTo(lowest);
  }

  @Property(tries = 20)
  void weightsDecideTheShareOfFirstTries(@ForAll long seed) {
    SrvTarget heavy = new SrvTarget(0, 75, 1688, "heavy");
    SrvTarget light = new SrvTarget(0, 25, 1688, "light");
    SrvTarget backup = new SrvTarget(10, 100, 1688, "backup");
    Random random = new Random(seed);
    int heavyFirst = 0;
    int draws = 4000;
    for (int i = 0; i < draws; i++) {
      List<SrvTarget> ordered = SrvOrder.order(List.of(backup, light, heavy), random);
      assertThat(ordered.get(2)).isEqualTo(backup);
      if (ordered.get(0).equals(heavy)) {
        heavyFirst++;
      }
    }
    // 75 % expected; 4000 draws put 5 standard deviations within about ±3.5 %
    assertThat(heavyFirst / (double) draws).isBetween(0.70, 0.80);
  }

  @Property(tries = 20)
  void aZeroWeightIsRarelyFirstButAlwaysTried(@ForAll long seed) {
    SrvTarget zero = new SrvTarget(0, 0, 1688, "zero");
    SrvTarget some = new SrvTarget(0, 50, 1688, "some");
    Random random = new Random(seed);
    int zeroFirst = 0;
    for (int i = 0; i < 2000; i++) {
      List<SrvTarget> ordered = SrvOrder.order(List.of(some, zero), random);
      assertThat(ordered).containsExactlyInAnyOrder(some, zero);
      if (ordered.get(0).equals(zero)) {
        zeroFirst++;
      }
    }
    // chosen first only when the random number is 0: 1 in 51
    assertThat(zeroFirst).isLessThan(100);
  }

  @Property(tries = 20)
  void allZeroWeightsStillGiveEveryOrder(@ForAll long seed) {
    SrvTarget a = new SrvTarget(0, 0, 1688, "a");
    SrvTarget b = new SrvTarget(0, 0, 1688, "b");
    List<SrvTarget> ordered = SrvOrder.order(List.of(a, b), new Random(seed));
    assertThat(ordered).containsExactlyInAnyOrder(a, b);
  }
}
