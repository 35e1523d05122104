package dev.keyward.core.license;

import static dev.keyward.core.license.Timeline.at;
import static dev.keyward.core.license.Timeline.days;
import static dev.keyward.core.license.Timeline.minutes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.license.LicenseEvent.Activated;
import dev.keyward.core.license.LicenseEvent.Converted;
import dev.keyward.core.license.LicenseEvent.HardwareChanged;
import dev.keyward.core.license.LicenseEvent.Installed;
import dev.keyward.core.license.LicenseEvent.IntegrityFailed;
import dev.keyward.core.license.LicenseEvent.KeyInstalled;
import dev.keyward.core.license.LicenseEvent.KeyUninstalled;
import dev.keyward.core.license.LicenseEvent.Rearmed;
import dev.keyward.core.license.LicenseEvent.Repaired;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LicenseMachineTest {

  private static ErrorCode refusal(Transition t) {
    assertThat(t).isInstanceOf(Transition.Refused.class);
    Transition.Refused refused = (Transition.Refused) t;
    assertThat(refused.failure().detail()).isNotBlank();
    return refused.failure().error();
  }

  private static LicenseRecord moved(Transition t) {
    assertThat(t).isInstanceOf(Transition.Moved.class);
    return ((Transition.Moved) t).next();
  }

  @Nested
  class Seeds {
    @Test
    void seed002_aRunningEvaluationRefusesEveryOtherChannelsKeyWith0x80070032() {
      Timeline eval = Timeline.installed(true);
      LicenseRecord before = eval.record();
      for (LicenseEvent e :
          new LicenseEvent[] {
            new KeyInstalled(false), new KeyInstalled(true), Activated.permanently(false)
          }) {
        assertThat(refusal(eval.attempt(days(20), e)))
            .as("%s", e)
            .isEqualTo(ErrorCode.NOT_SUPPORTED);
      }
      assertThat(eval.record()).isSameAs(before);
      assertThat(eval.status(days(20)).state()).isEqualTo(LicenseState.EXTENDED_GRACE);
    }

    @Test
    void seed000_anExpiredEvaluationRefusesAKeyWith0xC004FC07UntilConvertedThenActivates() {
      Timeline eval = Timeline.installed(true);
      Duration expired = days(181);

      LicenseStatus status = eval.status(expired);
      assertThat(status.state()).isEqualTo(LicenseState.NOTIFICATION);
      assertThat(status.reason()).isEqualTo(ErrorCode.VALIDITY_PERIOD_EXPIRED);
      assertThat(status.reason().hex()).isEqualTo("0xC004FC07");
      assertThat(status.enforcement())
          .hasValueSatisfying(
              e -> {
                assertThat(e.warning()).isTrue();
                assertThat(e.shutdownEvery()).isEqualTo(Duration.ofMinutes(60));
                assertThat(e.message()).contains("0xC004FC07");
              });

      assertThat(refusal(eval.attempt(expired, new KeyInstalled(false))))
          .isEqualTo(ErrorCode.VALIDITY_PERIOD_EXPIRED);
      assertThat(refusal(eval.attempt(expired, Activated.permanently(false))))
          .isEqualTo(ErrorCode.VALIDITY_PERIOD_EXPIRED);

      eval.then(expired, new Converted(false)); // dism /Set-Edition … then restart
      assertThat(eval.status(expired).state()).isEqualTo(LicenseState.INITIAL_GRACE);
      assertThat(eval.status(expired).evaluationEnd()).isNull();

      eval.then(expired.plus(minutes(3)), Activated.permanently(false)); // slmgr /ato
      LicenseStatus xpr = eval.status(days(3650));
      assertThat(xpr.state()).isEqualTo(LicenseState.LICENSED);
      assertThat(xpr.reason()).isNull();
      assertThat(xpr.expires()).isNull();
      assertThat(xpr.remaining()).isNull();
      assertThat(xpr.remainingMinutes()).isNull();
      assertThat(xpr.enforcement()).isEmpty();
    }

    @Test
    void theEvaluationIsOverAtItsEndInstantExactly() {
      Timeline eval = Timeline.installed(true);
      assertThat(refusal(eval.attempt(days(180), new KeyInstalled(false))))
          .isEqualTo(ErrorCode.VALIDITY_PERIOD_EXPIRED);
      assertThat(eval.status(days(180)).state()).isEqualTo(LicenseState.NOTIFICATION);
      assertThat(eval.status(days(180).minusNanos(1)).state())
          .isEqualTo(LicenseState.EXTENDED_GRACE);
    }

    @Test
    void aGraceThatEndedWarnsWithoutShutdowns() {
      LicenseStatus status = Timeline.installed(false).status(days(11));
      assertThat(status.enforcement())
          .hasValueSatisfying(
              e -> {
                assertThat(e.warning()).isTrue();
                assertThat(e.shutdownEvery()).isNull();
                assertThat(e.message()).contains("0xC004F009");
              });
    }
  }

  @Nested
  class Rearm {
    @Test
    void fiveRearmsEachRestartTheEvaluationThenTheSixthIsRefusedWith0xC004D307() {
      Timeline eval = Timeline.installed(true);
      Duration t = Duration.ZERO;
      for (int i = 1; i <= 5; i++) {
        t = t.plus(days(175));
        eval.then(t, new Rearmed());
        LicenseStatus status = eval.status(t);
        assertThat(status.state()).isEqualTo(LicenseState.EXTENDED_GRACE);
        assertThat(status.remaining()).as("rearm %d", i).isEqualTo(days(180));
        assertThat(status.evaluationEnd()).isEqualTo(at(t.plus(days(180))));
        assertThat(status.rearmRemaining()).isEqualTo(5 - i);
        assertThat(eval.record().rearmCount()).isEqualTo(i);
      }
      Duration sixth = t.plus(days(1));
      Transition refused = eval.attempt(sixth, new Rearmed());
      assertThat(refusal(refused)).isEqualTo(ErrorCode.REARM_LIMIT_EXCEEDED);
      assertThat(ErrorCode.REARM_LIMIT_EXCEEDED.hex()).isEqualTo("0xC004D307");
      assertThat(eval.record().rearmCount()).isEqualTo(5);
      // the last period still ends 180 days after the fifth rearm
      assertThat(eval.status(t.plus(days(180)).minus(minutes(1))).state())
          .isEqualTo(LicenseState.EXTENDED_GRACE);
      assertThat(eval.status(t.plus(days(180)).plus(minutes(1))).reason())
          .isEqualTo(ErrorCode.VALIDITY_PERIOD_EXPIRED);
    }

    @Test
    void aRearmRestartsFromNowAndDoesNotAddToWhatIsLeft() {
      Timeline eval = Timeline.installed(true).then(days(10), new Rearmed());
      assertThat(eval.status(days(10)).expires()).isEqualTo(at(days(190)));
    }

    @Test
    void anExpiredEvaluationCanBeRearmed() {
      Timeline eval = Timeline.installed(true).then(days(400), new Rearmed());
      LicenseStatus status = eval.status(days(400));
      assertThat(status.state()).isEqualTo(LicenseState.EXTENDED_GRACE);
      assertThat(status.remaining()).isEqualTo(days(180));
    }

    @Test
    void theInitialGraceRearmsUpToTheLimitToo() {
      Timeline grace = Timeline.installed(false);
      for (int i = 1; i <= 5; i++) {
        grace.then(days(11L * i), new Rearmed());
        assertThat(grace.status(days(11L * i)).remaining()).isEqualTo(days(10));
      }
      assertThat(refusal(grace.attempt(days(56), new Rearmed())))
          .isEqualTo(ErrorCode.REARM_LIMIT_EXCEEDED);
    }

    @Test
    void aRearmIsRefusedWhereItWouldNotRestartAnEvaluationOrTheInitialGrace() {
      Timeline licensed =
          Timeline.installed(false)
              .then(days(1), new KeyInstalled(false))
              .then(days(1), Activated.permanently(false));
      assertThat(refusal(licensed.attempt(days(2), new Rearmed())))
          .isEqualTo(ErrorCode.NOT_SUPPORTED);

      licensed.then(days(2), new HardwareChanged(true));
      assertThat(refusal(licensed.attempt(days(3), new Rearmed())))
          .as("AdditionalGrace")
          .isEqualTo(ErrorCode.NOT_SUPPORTED);
      assertThat(refusal(licensed.attempt(days(30), new Rearmed())))
          .as("its Notification")
          .isEqualTo(ErrorCode.NOT_SUPPORTED);

      Timeline unlicensed =
          Timeline.installed(false)
              .then(days(1), new KeyInstalled(false))
              .then(days(1), new KeyUninstalled());
      assertThat(refusal(unlicensed.attempt(days(2), new Rearmed())))
          .isEqualTo(ErrorCode.PKEY_NOT_INSTALLED);

      Timeline tampered = Timeline.installed(true).then(days(1), new IntegrityFailed());
      assertThat(refusal(tampered.attempt(days(2), new Rearmed())))
          .isEqualTo(ErrorCode.STORE_TAMPERED);
    }

    @Test
    void aConversionKeepsTheRearmCount() {
      Timeline eval =
          Timeline.installed(true)
              .then(days(1), new Rearmed())
              .then(days(2), new Rearmed())
              .then(days(3), new Converted(false));
      assertThat(eval.record().rearmCount()).isEqualTo(2);
      assertThat(eval.status(days(3)).rearmRemaining()).isEqualTo(3);
    }
  }

  @Nested
  class TrustedTime {
    @Test
    void aClockSetBackIsReportedAndGivesBackNoTime() {
      Timeline eval = Timeline.installed(true).then(days(100), new HardwareChanged(false));
      assertThat(eval.record().trustedTime()).isEqualTo(at(days(100)));

      LicenseStatus setBack = eval.status(days(50));
      assertThat(setBack.clockSetBack()).isTrue();
      assertThat(setBack.state()).isEqualTo(LicenseState.EXTENDED_GRACE);
      assertThat(setBack.remaining()).isEqualTo(days(80));
      assertThat(setBack)
          .usingRecursiveComparison()
          .ignoringFields("clockSetBack")
          .isEqualTo(eval.status(days(100)));
    }

    @Test
    void withinTheToleranceTheClockIsNotReportedButStillGivesBackNothing() {
      Timeline eval = Timeline.installed(true).then(days(100), new HardwareChanged(false));
      LicenseStatus slightlyBehind = eval.status(days(100).minus(minutes(59)));
      assertThat(slightlyBehind.clockSetBack()).isFalse();
      assertThat(slightlyBehind.remaining()).isEqualTo(days(80));

      assertThat(eval.status(days(100).minus(minutes(60))).clockSetBack()).isFalse();
      assertThat(eval.status(days(100).minus(minutes(61))).clockSetBack()).isTrue();
    }

    @Test
    void anExpiredEvaluationStaysExpiredWhenTheClockIsSetBack() {
      Timeline eval = Timeline.installed(true).then(days(181), new HardwareChanged(false));
      LicenseStatus status = eval.status(days(10));
      assertThat(status.clockSetBack()).isTrue();
      assertThat(status.state()).isEqualTo(LicenseState.NOTIFICATION);
      assertThat(status.reason()).isEqualTo(ErrorCode.VALIDITY_PERIOD_EXPIRED);
      assertThat(refusal(eval.attempt(days(10), new KeyInstalled(false))))
          .isEqualTo(ErrorCode.VALIDITY_PERIOD_EXPIRED);
    }

    @Test
    void eventsAtASetBackClockTakeEffectAtTheAnchor() {
      Timeline grace = Timeline.installed(false).then(days(9), new HardwareChanged(false));
      grace.then(days(1), new Rearmed());
      assertThat(grace.record().since()).isEqualTo(at(days(9)));
      assertThat(grace.record().trustedTime()).isEqualTo(at(days(9)));
      assertThat(grace.status(days(9)).expires()).isEqualTo(at(days(19)));
    }

    @Test
    void anActivationThatExpiredBeforeTheTrustedTimeIsRefusedWith0xC004F06C() {
      Timeline grace =
          Timeline.installed(false)
              .then(days(1), new KeyInstalled(true))
              .then(days(5), new HardwareChanged(false));
      Transition t = grace.attempt(days(2), Activated.until(at(days(4)), true));
      assertThat(refusal(t)).isEqualTo(ErrorCode.INVALID_TIMESTAMP);
      assertThat(refusal(grace.attempt(days(5), Activated.until(at(days(5)), true))))
          .isEqualTo(ErrorCode.INVALID_TIMESTAMP);
    }

    @Test
    void settleAdvancesTheAnchorAndIsIdempotent() {
      LicenseMachine machine = LicenseMachine.winserver();
      LicenseRecord r = machine.install(false, at(Duration.ZERO));
      LicenseRecord settled = machine.settle(r, at(days(20)));
      assertThat(settled.trustedTime()).isEqualTo(at(days(20)));
      assertThat(settled.since()).isEqualTo(at(days(10)));
      assertThat(machine.settle(settled, at(days(20)))).isEqualTo(settled);
      assertThat(machine.settle(settled, at(days(5)))).isEqualTo(settled);
    }
  }

  @Nested
  class Chains {
    @Test
    void aVolumeActivationLeftAloneForAYearPassesThroughAdditionalGraceToNotification() {
      Timeline volume =
          Timeline.installed(false)
              .then(days(1), new KeyInstalled(true))
              .then(days(1), Activated.until(at(days(181)), true));
      LicenseRecord settled = volume.machine.settle(volume.record(), at(days(366)));
      assertThat(settled.state()).isEqualTo(LicenseState.NOTIFICATION);
      assertThat(settled.reason()).isEqualTo(ErrorCode.VOLUME_HOST_UNAVAILABLE);
      assertThat(settled.since()).isEqualTo(at(days(211)));
      assertThat(settled.deadline()).isNull();
    }

    @Test
    void aTimeLimitedNonVolumeActivationGetsTheShortAdditionalGrace() {
      Timeline retail =
          Timeline.installed(false)
              .then(days(1), new KeyInstalled(false))
              .then(days(1), Activated.until(at(days(31)), false));
      LicenseStatus status = retail.status(days(31));
      assertThat(status.state()).isEqualTo(LicenseState.ADDITIONAL_GRACE);
      assertThat(status.remaining()).isEqualTo(days(3));
    }

    @Test
    void aRepairAYearLaterCatchesTheHeldPhaseUp() {
      Timeline volume =
          Timeline.installed(false)
              .then(days(1), new KeyInstalled(true))
              .then(days(1), Activated.until(at(days(181)), true))
              .then(days(2), new IntegrityFailed())
              .then(days(367), new Repaired());
      assertThat(volume.record().state()).isEqualTo(LicenseState.NOTIFICATION);
      assertThat(volume.record().reason()).isEqualTo(ErrorCode.VOLUME_HOST_UNAVAILABLE);
      assertThat(volume.record().held()).isNull();
    }

    @Test
    void everyGraceEndsInNotificationAfterAYear() {
      assertThat(Timeline.installed(false).status(days(365)).reason())
          .isEqualTo(ErrorCode.GRACE_TIME_EXPIRED);
      assertThat(Timeline.installed(true).status(days(365)).reason())
          .isEqualTo(ErrorCode.VALIDITY_PERIOD_EXPIRED);
      assertThat(
              Timeline.installed(true)
                  .then(days(1), new IntegrityFailed())
                  .status(days(365))
                  .reason())
          .isEqualTo(ErrorCode.STORE_TAMPERED);
    }
  }

  @Nested
  class Keys {
    @Test
    void aNewKeyOnALicensedMachineNeedsAnotherActivation() {
      Timeline licensed =
          Timeline.installed(false)
              .then(days(1), new KeyInstalled(false))
              .then(days(1), Activated.permanently(false))
              .then(days(100), new KeyInstalled(true));
      LicenseStatus status = licensed.status(days(100));
      assertThat(status.state()).isEqualTo(LicenseState.NOTIFICATION);
      assertThat(status.reason()).isEqualTo(ErrorCode.GRACE_TIME_EXPIRED);
      assertThat(licensed.record().key()).isEqualTo(InstalledKey.VOLUME);
    }

    @Test
    void removingAKeyThatIsNotThereIsRefusedWith0xC004F014() {
      assertThat(refusal(Timeline.installed(false).attempt(days(1), new KeyUninstalled())))
          .isEqualTo(ErrorCode.PKEY_NOT_INSTALLED);
      assertThat(refusal(Timeline.installed(true).attempt(days(1), new KeyUninstalled())))
          .isEqualTo(ErrorCode.PKEY_NOT_INSTALLED);
    }

    @Test
    void removingAndReinstallingAKeyNeverRestartsAnAdditionalGrace() {
      Timeline t =
          Timeline.installed(false)
              .then(days(1), new KeyInstalled(false))
              .then(days(1), Activated.permanently(false))
              .then(days(5), new HardwareChanged(true))
              .then(days(6), new KeyUninstalled())
              .then(days(7), new KeyInstalled(false));
      LicenseStatus status = t.status(days(7));
      assertThat(status.state()).isEqualTo(LicenseState.ADDITIONAL_GRACE);
      assertThat(status.expires()).isEqualTo(at(days(8)));
    }
  }

  @Nested
  class Integrity {
    private Timeline tampered() {
      return Timeline.installed(false)
          .then(days(1), new KeyInstalled(false))
          .then(days(1), Activated.permanently(false))
          .then(days(2), new IntegrityFailed());
    }

    @Test
    void aTamperedStoreRefusesWhatWouldResetItsFacts() {
      Timeline t = tampered();
      for (LicenseEvent e :
          new LicenseEvent[] {
            new KeyInstalled(false), new KeyUninstalled(), new HardwareChanged(true), new Rearmed()
          }) {
        assertThat(refusal(t.attempt(days(3), e))).as("%s", e).isEqualTo(ErrorCode.STORE_TAMPERED);
        assertThat(refusal(t.attempt(days(40), e)))
            .as("%s after the grace", e)
            .isEqualTo(ErrorCode.STORE_TAMPERED);
      }
      assertThat(moved(t.attempt(days(3), new HardwareChanged(false))).state())
          .isEqualTo(LicenseState.NON_GENUINE_GRACE);
    }

    @Test
    void freshFactsEndTheTamperedState() {
      assertThat(moved(tampered().attempt(days(3), new Converted(false))).tampered()).isFalse();
      assertThat(moved(tampered().attempt(days(3), new Installed(false))).tampered()).isFalse();
      LicenseRecord activated = moved(tampered().attempt(days(40), Activated.permanently(true)));
      assertThat(activated.state()).isEqualTo(LicenseState.LICENSED);
      assertThat(activated.held()).isNull();
    }

    @Test
    void repairingAnIntactStoreChangesNothing() {
      Timeline t = Timeline.installed(false);
      LicenseRecord next = moved(t.attempt(days(1), new Repaired()));
      assertThat(next).isEqualTo(t.machine.settle(t.record(), at(days(1))));
    }
  }

  @Nested
  class Install {
    @Test
    void aReinstallStartsOverButKeepsTheAnchor() {
      Timeline t =
          Timeline.installed(true)
              .then(days(1), new Rearmed())
              .then(days(50), new HardwareChanged(false))
              .then(days(20), new Installed(false));
      LicenseRecord r = t.record();
      assertThat(r.state()).isEqualTo(LicenseState.INITIAL_GRACE);
      assertThat(r.rearmCount()).isZero();
      assertThat(r.evaluation()).isFalse();
      assertThat(r.since()).isEqualTo(at(days(50)));
      assertThat(r.trustedTime()).isEqualTo(at(days(50)));
    }

    @Test
    void aFreshInstallReportsEverythingTheStatusNeeds() {
      LicenseStatus eval = Timeline.installed(true).status(minutes(90).plusSeconds(30));
      assertThat(eval.rearmRemaining()).isEqualTo(5);
      assertThat(eval.evaluationEnd()).isEqualTo(at(days(180)));
      assertThat(eval.expires()).isEqualTo(at(days(180)));
      assertThat(eval.remainingMinutes()).isEqualTo(days(180).toMinutes() - 91);
      assertThat(eval.enforcement()).isEmpty();

      LicenseStatus grace = Timeline.installed(false).status(Duration.ZERO);
      assertThat(grace.evaluationEnd()).isNull();
      assertThat(grace.remainingMinutes()).isEqualTo(14_400L);
    }

    @Test
    void anotherEvaluationPeriodComesFromTheTimers() {
      LicenseMachine machine =
          new LicenseMachine(LicenseTimers.winserver().withEvaluationPeriod(days(90)));
      Instant t0 = at(Duration.ZERO);
      assertThat(machine.status(machine.install(true, t0), t0).remaining()).isEqualTo(days(90));
    }
  }
}
