package dev.keyward.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.key.ProductKey;
import dev.keyward.core.key.ProductKeyCodec;
import dev.keyward.core.license.LicenseState;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The trusted-time anchor against clocks moved by hand (issue 9 item 10), with an injected clock,
 * and a key changed soon after installing (issue 11 item 5).
 */
class ClockAndKeyChangeTest extends AgainstFakeAuthority {
  private static final ProductKey STD_A = ProductKeyCodec.encode(2011, 4242, TAGGER);
  private static final ProductKey STD_B = ProductKeyCodec.encode(2011, 4343, TAGGER);

  @Test
  void aClockSetBackWithinToleranceIsNotReportedAndGivesNoTimeBack() {
    client().init("winserver", "2022", "ServerStandard");
    clock.advance(Duration.ofDays(2));
    client().installKey(STD_A.display()); // an operation: the anchor is now day 2
    clock.advance(Duration.ofMinutes(-30)); // within the 1 h tolerance
    LicenseInfo info = client().status();
    assertThat(info.status().clockSetBack()).isFalse();
    assertThat(info.status().state()).isEqualTo(LicenseState.INITIAL_GRACE);
    assertThat(info.status().remaining()).isEqualTo(Duration.ofDays(8)); // at the anchor
  }

  @Test
  void aClockSetForwardThenBackKeepsWhatTheForwardTimeRecorded() {
    client().init("winserver", "2022", "ServerStandard");
    clock.advance(Duration.ofDays(20));
    client().installKey(STD_A.display()); // recorded at day 20: the grace has ended
    assertThat(client().status().status().state()).isEqualTo(LicenseState.NOTIFICATION);
    clock.advance(Duration.ofDays(-19)); // back to day 1
    LicenseInfo info = client().status();
    assertThat(info.status().clockSetBack()).isTrue();
    assertThat(info.status().state()).isEqualTo(LicenseState.NOTIFICATION);
    assertThat(info.status().reason()).isEqualTo(ErrorCode.GRACE_TIME_EXPIRED);
    // and a rearm while set back restarts the grace from the anchor, not from the clock
    LicenseInfo rearmed = client().rearm();
    assertThat(rearmed.status().expires()).isEqualTo(Instant.parse("2026-03-31T10:00:00Z"));
  }

  @Test
  void aRenewalThatExpiresADayAgoIsRefusedWithTheTimestampError() {
    client().init("winserver", "2022", "ServerStandard");
    client().installKey(STD_A.display());
    authority.validity = Duration.ofDays(7);
    LicenseInfo first = client().activate().info();
    assertThat(first.status().state()).isEqualTo(LicenseState.LICENSED);
    Instant firstExpiry = first.status().expires();
    assertThat(firstExpiry).isEqualTo(Instant.parse("2026-03-08T10:00:00Z"));

    // the renewal's certificate ends a day before the trusted time: refused, nothing changes
    clock.advance(Duration.ofDays(1));
    authority.validity = Duration.ofDays(-1);
    assertThatThrownBy(() -> client().activate())
        .isInstanceOfSatisfying(
            KeywardException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.INVALID_TIMESTAMP);
              assertThat(e.failure().error().hex()).isEqualTo("0xC004F06C");
            });
    LicenseInfo after = client().status();
    assertThat(after.status().state()).isEqualTo(LicenseState.LICENSED);
    assertThat(after.status().expires()).isEqualTo(firstExpiry);

    // and the stored certificate's own expiry still ends it, whatever the store says
    clock.advance(Duration.ofDays(7));
    assertThat(client().status().status().state()).isEqualTo(LicenseState.ADDITIONAL_GRACE);
  }

  @Test
  void aKeyChangedTenMinutesAfterInitKeepsTheInitialGrace() {
    client().init("winserver", "2022", "ServerStandard");
    client().installKey(STD_A.display());
    client().activate();
    clock.advance(Duration.ofMinutes(10));
    LicenseInfo changed = client().installKey(STD_B.display());
    assertThat(changed.status().state()).isEqualTo(LicenseState.INITIAL_GRACE);
    assertThat(changed.status().reason()).isEqualTo(ErrorCode.GRACE_PERIOD_RUNNING);
    assertThat(changed.status().expires()).isEqualTo(Instant.parse("2026-03-11T10:00:00Z"));

    // removing an activated key and installing one: the same grace, never a fresh one
    client().activate();
    client().uninstallKey();
    assertThat(client().installKey(STD_A.display()).status().state())
        .isEqualTo(LicenseState.INITIAL_GRACE);

    // past the installation's grace, a new key on an activated machine is in Notification
    client().activate();
    clock.advance(Duration.ofDays(11));
    LicenseInfo late = client().installKey(STD_B.display());
    assertThat(late.status().state()).isEqualTo(LicenseState.NOTIFICATION);
    assertThat(late.status().reason()).isEqualTo(ErrorCode.GRACE_TIME_EXPIRED);
  }
}
