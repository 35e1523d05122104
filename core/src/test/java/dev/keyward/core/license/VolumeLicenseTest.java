package dev.keyward.core.license;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.core.catalog.CatalogLoader;
import dev.keyward.core.catalog.Product;
import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.volume.VolumeGrant;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VolumeLicenseTest {
  private static final Instant INSTALL = Instant.parse("2026-01-01T00:00:00Z");
  private static final Duration DAY = Duration.ofDays(1);
  private final Product product = CatalogLoader.winserver().product("winserver").orElseThrow();
  private final LicenseMachine machine =
      new LicenseMachine(
          LicenseTimers.of(product, product.edition("ServerStandard").orElseThrow()));

  private LicenseRecord installedWithKey() {
    LicenseRecord fresh = machine.install(false, INSTALL);
    return ((Transition.Moved)
            machine.apply(fresh, new LicenseEvent.KeyInstalled(true), INSTALL.plusSeconds(60)))
        .next();
  }

  private static VolumeGrant grant(Instant issued) {
    return new VolumeGrant(
        "host",
        "winserver",
        "2022",
        "ServerStandard",
        "cmid",
        5,
        issued,
        issued.plus(Duration.ofDays(180)),
        180 * 24 * 60,
        7 * 24 * 60,
        120);
  }

  @Test
  void aVerifiedGrantLicensesUntilItsExpiryThenGraceThenNotification() {
    LicenseRecord stored = installedWithKey();
    Instant issued = INSTALL.plus(DAY);
    Optional<VolumeGrant> g = Optional.of(grant(issued));

    LicenseRecord now = VolumeLicense.derive(stored, g, machine, issued.plus(DAY));
    assertThat(now.state()).isEqualTo(LicenseState.LICENSED);
    assertThat(now.deadline()).isEqualTo(issued.plus(Duration.ofDays(180)));

    LicenseRecord lapsed =
        VolumeLicense.derive(stored, g, machine, issued.plus(Duration.ofDays(181)));
    assertThat(lapsed.state()).isEqualTo(LicenseState.ADDITIONAL_GRACE);
    assertThat(lapsed.reason()).isEqualTo(ErrorCode.VOLUME_HOST_UNAVAILABLE);
    assertThat(lapsed.deadline()).isEqualTo(issued.plus(Duration.ofDays(210)));

    LicenseRecord gone =
        VolumeLicense.derive(stored, g, machine, issued.plus(Duration.ofDays(211)));
    assertThat(gone.state()).isEqualTo(LicenseState.NOTIFICATION);
    assertThat(gone.reason()).isEqualTo(ErrorCode.VOLUME_HOST_UNAVAILABLE);

    // a renewal (a later grant) brings it back
    Optional<VolumeGrant> renewed = Optional.of(grant(issued.plus(Duration.ofDays(211))));
    assertThat(
            VolumeLicense.derive(stored, renewed, machine, issued.plus(Duration.ofDays(211)))
                .state())
        .isEqualTo(LicenseState.LICENSED);
  }

  @Test
  void withoutAVerifiedGrantTheStoredRecordStands() {
    LicenseRecord stored = installedWithKey();
    assertThat(VolumeLicense.derive(stored, Optional.empty(), machine, INSTALL.plus(DAY)).state())
        .isEqualTo(LicenseState.INITIAL_GRACE);
    assertThat(
            VolumeLicense.derive(
                    stored, Optional.empty(), machine, INSTALL.plus(Duration.ofDays(40)))
                .state())
        .isEqualTo(LicenseState.NOTIFICATION);
  }

  @Test
  void aGrantDoesNotHideTamperingOrAMissingKey() {
    LicenseRecord stored = installedWithKey();
    LicenseRecord tampered =
        ((Transition.Moved)
                machine.apply(stored, new LicenseEvent.IntegrityFailed(), INSTALL.plus(DAY)))
            .next();
    Optional<VolumeGrant> g = Optional.of(grant(INSTALL.plus(DAY)));
    assertThat(VolumeLicense.derive(tampered, g, machine, INSTALL.plus(DAY)).state())
        .isEqualTo(LicenseState.NON_GENUINE_GRACE);
    LicenseRecord noKey = machine.install(false, INSTALL);
    assertThat(VolumeLicense.derive(noKey, g, machine, INSTALL.plus(DAY)).state())
        .isEqualTo(LicenseState.INITIAL_GRACE);
  }

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
