package dev.keyward.core.license;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.core.catalog.CatalogLoader;
import dev.keyward.core.catalog.Product;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VolumeScheduleTest {
  private static final Instant INSTALL = Instant.parse("2026-01-01T00:00:00Z");
  private static final Duration DAY = Duration.ofDays(1);
  private final Product product = CatalogLoader.winserver().product("winserver").orElseThrow();
  private final LicenseMachine machine =
      new LicenseMachine(
          LicenseTimers.of(product, product.edition("ServerStandard").orElseThrow()));

  @Test
  void scheduleRenewsAfterSevenDaysAndRetriesEveryTwoHours() {
    VolumeSchedule product =
        VolumeSchedule.of(
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Duration.ofDays(7),
            Duration.ofHours(2));
    Instant granted = INSTALL;
    assertThat(product.nextAttempt(Optional.of(granted), Optional.of(granted)))
        .isEqualTo(granted.plus(Duration.ofDays(7)));
    assertThat(
            product.due(
                Optional.of(granted), Optional.of(granted), granted.plus(Duration.ofDays(7))))
        .isTrue();
    assertThat(
            product.due(
                Optional.of(granted),
                Optional.of(granted),
                granted.plus(Duration.ofDays(7)).minusSeconds(1)))
        .isFalse();
    Instant failed = granted.plus(Duration.ofDays(7));
    assertThat(product.nextAttempt(Optional.of(granted), Optional.of(failed)))
        .isEqualTo(failed.plus(Duration.ofHours(2)));
    // never activated: at once, then the retry interval after a failure
    assertThat(product.due(Optional.empty(), Optional.empty(), INSTALL)).isTrue();
    assertThat(product.nextAttempt(Optional.empty(), Optional.of(failed)))
        .isEqualTo(failed.plus(Duration.ofHours(2)));
  }

  @Test
  void theHostsIntervalsOverrideTheClientsWhichOverrideTheProducts() {
    Duration week = Duration.ofDays(7);
    Duration twoHours = Duration.ofHours(2);
    assertThat(
            VolumeSchedule.of(
                Optional.of(60L),
                Optional.of(30L),
                Optional.of(1000L),
                Optional.of(500L),
                week,
                twoHours))
        .isEqualTo(new VolumeSchedule(Duration.ofMinutes(60), Duration.ofMinutes(30)));
    assertThat(
            VolumeSchedule.of(
                Optional.empty(),
                Optional.empty(),
                Optional.of(1000L),
                Optional.of(500L),
                week,
                twoHours))
        .isEqualTo(new VolumeSchedule(Duration.ofMinutes(1000), Duration.ofMinutes(500)));
    assertThat(
            VolumeSchedule.of(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                week,
                twoHours))
        .isEqualTo(new VolumeSchedule(week, twoHours));
  }
}
