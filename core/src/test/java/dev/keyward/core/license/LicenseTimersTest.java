package dev.keyward.core.license;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LicenseTimersTest {

  @Test
  void winserverDefaultsAreThoseOfTheSpecAndSeeds() {
    LicenseTimers t = LicenseTimers.winserver();
    assertThat(t.initialGrace()).isEqualTo(Duration.ofDays(10));
    assertThat(t.additionalGraceVolume()).isEqualTo(Duration.ofDays(30));
    assertThat(t.additionalGraceRetail()).isEqualTo(Duration.ofDays(3));
    assertThat(t.nonGenuineGrace()).isEqualTo(Duration.ofDays(30));
    assertThat(t.evaluationPeriod()).isEqualTo(Duration.ofDays(180));
    assertThat(t.rearmLimit()).isEqualTo(5);
    assertThat(t.clockTolerance()).isEqualTo(Duration.ofHours(1));
    assertThat(t.evaluationShutdownInterval()).isEqualTo(Duration.ofMinutes(60));
  }

  @Test
  void additionalGraceDependsOnWhetherTheActivationWasVolume() {
    LicenseTimers t = LicenseTimers.winserver();
    assertThat(t.additionalGrace(true)).isEqualTo(Duration.ofDays(30));
    assertThat(t.additionalGrace(false)).isEqualTo(Duration.ofDays(3));
  }

  @Test
  void withersChangeOnlyTheirSetting() {
    LicenseTimers t = LicenseTimers.winserver();
    assertThat(t.withEvaluationPeriod(Duration.ofDays(90)))
        .isEqualTo(
            new LicenseTimers(
                Duration.ofDays(10),
                Duration.ofDays(30),
                Duration.ofDays(3),
                Duration.ofDays(30),
                Duration.ofDays(90),
                5,
                Duration.ofHours(1),
                Duration.ofMinutes(60)));
    assertThat(t.withRearmLimit(0).rearmLimit()).isZero();
    assertThat(t.withRearmLimit(0).withRearmLimit(5)).isEqualTo(t);
  }

  @Test
  void refusesNonPositiveGracesAndNegativeSettings() {
    LicenseTimers t = LicenseTimers.winserver();
    assertThatThrownBy(() -> t.withEvaluationPeriod(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("evaluationPeriod");
    assertThatThrownBy(() -> t.withEvaluationPeriod(Duration.ofDays(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> t.withRearmLimit(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new LicenseTimers(
                    Duration.ofDays(10),
                    Duration.ofDays(30),
                    Duration.ofDays(3),
                    Duration.ofDays(30),
                    Duration.ofDays(180),
                    5,
                    Duration.ofSeconds(-1),
                    Duration.ofMinutes(60)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("clockTolerance");
    assertThatThrownBy(() -> t.withEvaluationPeriod(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void aZeroClockToleranceIsAllowed() {
    LicenseTimers t =
        new LicenseTimers(
            Duration.ofDays(10),
            Duration.ofDays(30),
            Duration.ofDays(3),
            Duration.ofDays(30),
            Duration.ofDays(180),
            5,
            Duration.ZERO,
            Duration.ofMinutes(60));
    assertThat(t.clockTolerance()).isZero();
  }

  @org.junit.jupiter.api.Test
  void theBuiltInCatalogGivesTheWinserverTimers() {
    var product =
        dev.keyward.core.catalog.CatalogLoader.winserver().product("winserver").orElseThrow();
    for (var edition : product.editions()) {
      org.assertj.core.api.Assertions.assertThat(LicenseTimers.of(product, edition))
          .isEqualTo(LicenseTimers.winserver());
    }
  }
}
