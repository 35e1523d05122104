package dev.keyward.authority;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GenerationsTest {
  @Test
  void keepsWhatWasUsedSinceTheLastTurnOverAndForgetsTheRest() {
    Generations<Integer> cache = new Generations<>(3);
    for (int i = 0; i < 3; i++) {
      cache.put("k" + i, i);
    }
    cache.put("k3", 3); // the young generation was full: k0..k2 are now the old one
    assertThat(cache.get("k0")).isEqualTo(0); // found in the old one, moved back to the young one
    cache.put("k4", 4);
    cache.put("k5", 5); // full again (k3, k0, k4): k1 and k2, never used since, are dropped
    assertThat(cache.get("k1")).isNull();
    assertThat(cache.get("k2")).isNull();
    assertThat(cache.get("k0")).isEqualTo(0);
    assertThat(cache.get("k3")).isEqualTo(3);
    assertThat(cache.get("k5")).isEqualTo(5);
  }
}
