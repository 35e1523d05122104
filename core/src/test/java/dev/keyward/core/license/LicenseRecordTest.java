package dev.keyward.core.license;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.license.LicenseRecord.Phase;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LicenseRecordTest {
  private static final Instant T = Instant.parse("2025-03-01T08:00:00Z");
  private static final Instant T10 = T.plus(Duration.ofDays(10));

  private static LicenseRecord initialGrace() {
    return new LicenseRecord(
        LicenseState.INITIAL_GRACE,
        T,
        T10,
        ErrorCode.GRACE_PERIOD_RUNNING,
        null,
        InstalledKey.NONE,
        0,
        T,
        null);
  }

  private static LicenseRecord licensed(Instant expiry) {
    return new LicenseRecord(
        LicenseState.LICENSED, T, expiry, null, null, InstalledKey.VOLUME, 0, T, null);
  }

  @Test
  void derivedFactsFollowTheComponents() {
    LicenseRecord grace = initialGrace();
    assertThat(grace.evaluation()).isFalse();
    assertThat(grace.activationExpiry()).isNull();
    assertThat(grace.tampered()).isFalse();
    assertThat(grace.phase())
        .isEqualTo(
            new Phase(LicenseState.INITIAL_GRACE, T, T10, ErrorCode.GRACE_PERIOD_RUNNING, null));

    assertThat(licensed(T10).activationExpiry()).isEqualTo(T10);
    assertThat(licensed(null).activationExpiry()).isNull();
    assertThat(grace.withEvaluationEnd(T.plus(Duration.ofDays(180))).evaluation()).isTrue();
  }

  @Test
  void withersChangeOneFactAndKeepTheRest() {
    LicenseRecord grace = initialGrace();
    LicenseRecord changed =
        grace.withKey(InstalledKey.NON_VOLUME).withRearmCount(2).withTrustedTime(T10);
    assertThat(changed.key()).isEqualTo(InstalledKey.NON_VOLUME);
    assertThat(changed.rearmCount()).isEqualTo(2);
    assertThat(changed.trustedTime()).isEqualTo(T10);
    assertThat(changed.phase()).isEqualTo(grace.phase());

    Phase notification =
        new Phase(LicenseState.NOTIFICATION, T10, null, ErrorCode.GRACE_TIME_EXPIRED, null);
    LicenseRecord moved = changed.withPhase(notification);
    assertThat(moved.phase()).isEqualTo(notification);
    assertThat(moved.key()).isEqualTo(InstalledKey.NON_VOLUME);
    assertThat(moved.rearmCount()).isEqualTo(2);
  }

  @Test
  void licensedHasNoReasonAndEveryOtherStateHasOne() {
    assertThatThrownBy(
            () -> new Phase(LicenseState.LICENSED, T, null, ErrorCode.GRACE_TIME_EXPIRED, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("has no reason");
    assertThatThrownBy(() -> new Phase(LicenseState.NOTIFICATION, T, null, null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs a reason");
  }

  @Test
  void gracesHaveDeadlinesAfterTheirStartAndUntimedStatesHaveNone() {
    assertThatThrownBy(
            () ->
                new Phase(
                    LicenseState.INITIAL_GRACE, T, null, ErrorCode.GRACE_PERIOD_RUNNING, null))
        .hasMessageContaining("needs a deadline");
    assertThatThrownBy(
            () -> new Phase(LicenseState.NOTIFICATION, T, T10, ErrorCode.GRACE_TIME_EXPIRED, null))
        .hasMessageContaining("has no deadline");
    assertThatThrownBy(
            () -> new Phase(LicenseState.INITIAL_GRACE, T, T, ErrorCode.GRACE_PERIOD_RUNNING, null))
        .hasMessageContaining("not after since");
  }

  @Test
  void onlyTamperedStatesAndUnlicensedHoldAPhase() {
    Phase grace = initialGrace().phase();
    assertThatThrownBy(
            () -> new Phase(LicenseState.NON_GENUINE_GRACE, T, T10, ErrorCode.STORE_TAMPERED, null))
        .hasMessageContaining("must hold");
    assertThatThrownBy(
            () ->
                new Phase(LicenseState.NOTIFICATION, T, null, ErrorCode.GRACE_TIME_EXPIRED, grace))
        .hasMessageContaining("holds no phase");
    assertThat(new Phase(LicenseState.UNLICENSED, T, null, ErrorCode.PKEY_NOT_INSTALLED, grace))
        .extracting(Phase::held)
        .isEqualTo(grace);
    Phase tampered =
        new Phase(LicenseState.NON_GENUINE_GRACE, T, T10, ErrorCode.STORE_TAMPERED, grace);
    assertThat(tampered.tampered()).isTrue();
    assertThatThrownBy(
            () ->
                initialGrace()
                    .withPhase(
                        new Phase(
                            LicenseState.NON_GENUINE_GRACE,
                            T,
                            T10,
                            ErrorCode.STORE_TAMPERED,
                            tampered)))
        .hasMessageContaining("never held");
  }

  @Test
  void nothingHappensAfterTheTrustedTime() {
    assertThatThrownBy(() -> initialGrace().withTrustedTime(T.minusSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("trusted time");
  }

  @Test
  void evaluationEditionsHaveNoUserKeyAreNeverLicensedAndExtendedGraceEndsWithThem() {
    Instant end = T.plus(Duration.ofDays(180));
    LicenseRecord evaluation =
        new LicenseRecord(
            LicenseState.EXTENDED_GRACE,
            T,
            end,
            ErrorCode.EVALUATION_RUNNING,
            end,
            InstalledKey.NONE,
            0,
            T,
            null);
    assertThat(evaluation.evaluation()).isTrue();
    assertThatThrownBy(() -> evaluation.withKey(InstalledKey.NON_VOLUME))
        .hasMessageContaining("no user key");
    assertThatThrownBy(() -> evaluation.withEvaluationEnd(end.plusSeconds(1)))
        .hasMessageContaining("ExtendedGrace ends with the evaluation");
    assertThatThrownBy(() -> evaluation.withEvaluationEnd(null))
        .hasMessageContaining("ExtendedGrace ends with the evaluation");
    assertThatThrownBy(() -> licensed(null).withEvaluationEnd(end))
        .hasMessageContaining("never Licensed");
  }

  @Test
  void unlicensedMeansNoKeyAndLicensedMeansAKey() {
    Phase unlicensed =
        new Phase(LicenseState.UNLICENSED, T, null, ErrorCode.PKEY_NOT_INSTALLED, null);
    assertThatThrownBy(() -> initialGrace().withKey(InstalledKey.VOLUME).withPhase(unlicensed))
        .hasMessageContaining("Unlicensed means no key");
    assertThatThrownBy(() -> licensed(null).withKey(InstalledKey.NONE))
        .hasMessageContaining("Licensed needs the key");
  }

  @Test
  void rearmCountIsNotNegativeAndRequiredFactsAreNotNull() {
    assertThatThrownBy(() -> initialGrace().withRearmCount(-1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> initialGrace().withKey(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> initialGrace().withTrustedTime(null))
        .isInstanceOf(NullPointerException.class);
  }
}
