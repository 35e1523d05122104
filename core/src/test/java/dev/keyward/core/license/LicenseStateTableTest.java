package dev.keyward.core.license;

import static dev.keyward.core.license.Timeline.days;
import static dev.keyward.core.license.Timeline.minutes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.license.LicenseEvent.Activated;
import dev.keyward.core.license.LicenseEvent.Converted;
import dev.keyward.core.license.LicenseEvent.HardwareChanged;
import dev.keyward.core.license.LicenseEvent.IntegrityFailed;
import dev.keyward.core.license.LicenseEvent.KeyInstalled;
import dev.keyward.core.license.LicenseEvent.KeyUninstalled;
import dev.keyward.core.license.LicenseEvent.Rearmed;
import dev.keyward.core.license.LicenseEvent.Repaired;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every row of the SPEC §5 table: how each state is entered and how it is left, with the grace
 * boundaries one minute before and one minute after each end.
 */
class LicenseStateTableTest {

  private static final LicenseState UNLICENSED = LicenseState.UNLICENSED;
  private static final LicenseState LICENSED = LicenseState.LICENSED;
  private static final LicenseState INITIAL = LicenseState.INITIAL_GRACE;
  private static final LicenseState ADDITIONAL = LicenseState.ADDITIONAL_GRACE;
  private static final LicenseState NON_GENUINE = LicenseState.NON_GENUINE_GRACE;
  private static final LicenseState NOTIFICATION = LicenseState.NOTIFICATION;
  private static final LicenseState EXTENDED = LicenseState.EXTENDED_GRACE;

  private static final LicenseEvent RETAIL_KEY = new KeyInstalled(false);
  private static final LicenseEvent VOLUME_KEY = new KeyInstalled(true);
  private static final LicenseEvent ACTIVATED_RETAIL = Activated.permanently(false);
  private static final LicenseEvent OUT_OF_TOLERANCE = new HardwareChanged(true);

  /** Events at offsets from install. */
  record Step(Duration at, LicenseEvent event) {
    @Override
    public String toString() {
      return "T0+" + at + " " + event;
    }
  }

  /**
   * @param remaining expected remaining time, null for "none"
   */
  record Row(
      String name,
      boolean evaluation,
      List<Step> steps,
      Duration checkAt,
      LicenseState state,
      ErrorCode reason,
      Duration remaining) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static final class Rows {
    final List<Row> rows = new ArrayList<>();

    Builder row(String name, boolean evaluation) {
      return new Builder(this, name, evaluation);
    }
  }

  private static final class Builder {
    private final Rows rows;
    private final String name;
    private final boolean evaluation;
    private final List<Step> steps = new ArrayList<>();

    Builder(Rows rows, String name, boolean evaluation) {
      this.rows = rows;
      this.name = name;
      this.evaluation = evaluation;
    }

    Builder on(Duration at, LicenseEvent event) {
      steps.add(new Step(at, event));
      return this;
    }

    void expect(Duration checkAt, LicenseState state, ErrorCode reason, Duration remaining) {
      rows.rows.add(
          new Row(name, evaluation, List.copyOf(steps), checkAt, state, reason, remaining));
    }
  }

  static Stream<Row> rows() {
    Rows t = new Rows();
    Duration d10 = days(10);
    Duration d180 = days(180);

    // --- 0 Unlicensed: entered when the key is removed; left by activation ---
    t.row("0 entered: key removed during InitialGrace", false)
        .on(days(1), RETAIL_KEY)
        .on(days(2), new KeyUninstalled())
        .expect(days(3), UNLICENSED, ErrorCode.PKEY_NOT_INSTALLED, null);
    t.row("0 entered: key removed while Licensed", false)
        .on(days(1), RETAIL_KEY)
        .on(days(1), ACTIVATED_RETAIL)
        .on(days(2), new KeyUninstalled())
        .expect(days(2), UNLICENSED, ErrorCode.PKEY_NOT_INSTALLED, null);
    t.row("0 stays: Unlicensed has no timer", false)
        .on(days(1), RETAIL_KEY)
        .on(days(2), new KeyUninstalled())
        .expect(days(400), UNLICENSED, ErrorCode.PKEY_NOT_INSTALLED, null);
    t.row("0 left: activation", false)
        .on(days(1), RETAIL_KEY)
        .on(days(2), new KeyUninstalled())
        .on(days(3), ACTIVATED_RETAIL)
        .expect(days(3), LICENSED, null, null);
    t.row("0 left: a key again resumes the held InitialGrace, not a fresh one", false)
        .on(days(1), RETAIL_KEY)
        .on(days(2), new KeyUninstalled())
        .on(days(3), RETAIL_KEY)
        .expect(days(3), INITIAL, ErrorCode.GRACE_PERIOD_RUNNING, days(7));
    t.row("0 left: a key again after the held grace ended is Notification", false)
        .on(days(1), RETAIL_KEY)
        .on(days(2), new KeyUninstalled())
        .on(days(12), RETAIL_KEY)
        .expect(days(12), NOTIFICATION, ErrorCode.GRACE_TIME_EXPIRED, null);
    t.row("0 left: a key again after a Licensed key was removed is Notification", false)
        .on(days(1), RETAIL_KEY)
        .on(days(1), ACTIVATED_RETAIL)
        .on(days(2), new KeyUninstalled())
        .on(days(3), RETAIL_KEY)
        .expect(days(3), NOTIFICATION, ErrorCode.GRACE_TIME_EXPIRED, null);

    // --- 1 Licensed: entered by activation; left by out of tolerance or volume expiry ---
    t.row("1 entered: activated during InitialGrace, permanent", false)
        .on(days(1), RETAIL_KEY)
        .on(days(1), ACTIVATED_RETAIL)
        .expect(days(3650), LICENSED, null, null);
    t.row("1 entered: activated from Notification", false)
        .on(days(1), RETAIL_KEY)
        .on(days(11), ACTIVATED_RETAIL)
        .expect(days(11), LICENSED, null, null);
    t.row("1 entered: reactivated from AdditionalGrace", false)
        .on(days(1), RETAIL_KEY)
        .on(days(1), ACTIVATED_RETAIL)
        .on(days(5), OUT_OF_TOLERANCE)
        .on(days(6), ACTIVATED_RETAIL)
        .expect(days(6), LICENSED, null, null);
    t.row("1 entered: reactivated from Notification after AdditionalGrace", false)
        .on(days(1), RETAIL_KEY)
        .on(days(1), ACTIVATED_RETAIL)
        .on(days(5), OUT_OF_TOLERANCE)
        .on(days(20), ACTIVATED_RETAIL)
        .expect(days(20), LICENSED, null, null);
    t.row("1 stays: hardware within tolerance", false)
        .on(days(1), RETAIL_KEY)
        .on(days(1), ACTIVATED_RETAIL)
        .on(days(5), new HardwareChanged(false))
        .expect(days(5), LICENSED, null, null);
    t.row("1 left: out of tolerance (retail) -> AdditionalGrace 3 d", false)
        .on(days(1), RETAIL_KEY)
        .on(days(1), ACTIVATED_RETAIL)
        .on(days(5), OUT_OF_TOLERANCE)
        .expect(days(5), ADDITIONAL, ErrorCode.OUT_OF_TOLERANCE, days(3));
    t.row("1 left: out of tolerance (volume) -> AdditionalGrace 30 d", false)
        .on(days(1), VOLUME_KEY)
        .on(days(1), Activated.until(Timeline.at(days(181)), true))
        .on(days(5), OUT_OF_TOLERANCE)
        .expect(days(5), ADDITIONAL, ErrorCode.OUT_OF_TOLERANCE, days(30));
    t.row("1 volume expiry: one minute before it, still Licensed", false)
        .on(days(1), VOLUME_KEY)
        .on(days(1), Activated.until(Timeline.at(days(181)), true))
        .expect(days(181).minus(minutes(1)), LICENSED, null, minutes(1));
    t.row("1 left: volume expiry, one minute after it -> AdditionalGrace 30 d", false)
        .on(days(1), VOLUME_KEY)
        .on(days(1), Activated.until(Timeline.at(days(181)), true))
        .expect(
            days(181).plus(minutes(1)),
            ADDITIONAL,
            ErrorCode.VOLUME_HOST_UNAVAILABLE,
            days(30).minus(minutes(1)));
    t.row("1 stays: a volume renewal moves the expiry", false)
        .on(days(1), VOLUME_KEY)
        .on(days(1), Activated.until(Timeline.at(days(181)), true))
        .on(days(8), Activated.until(Timeline.at(days(188)), true))
        .expect(days(181).plus(minutes(1)), LICENSED, null, days(7).minus(minutes(1)));

    // --- 2 InitialGrace: fresh install or conversion; left by activation or end ---
    t.row("2 entered: fresh install", false)
        .expect(Duration.ZERO, INITIAL, ErrorCode.GRACE_PERIOD_RUNNING, d10);
    t.row("2 boundary: one minute before 10 d", false)
        .expect(d10.minus(minutes(1)), INITIAL, ErrorCode.GRACE_PERIOD_RUNNING, minutes(1));
    t.row("2 left: one minute after 10 d -> Notification", false)
        .expect(d10.plus(minutes(1)), NOTIFICATION, ErrorCode.GRACE_TIME_EXPIRED, null);
    t.row("2 entered: conversion of a running evaluation", true)
        .on(days(30), new Converted(false))
        .expect(days(30), INITIAL, ErrorCode.GRACE_PERIOD_RUNNING, d10);
    t.row("2 boundary: converted, one minute before 10 d", true)
        .on(days(30), new Converted(false))
        .expect(days(40).minus(minutes(1)), INITIAL, ErrorCode.GRACE_PERIOD_RUNNING, minutes(1));
    t.row("2 left: converted, one minute after 10 d -> Notification", true)
        .on(days(30), new Converted(false))
        .expect(days(40).plus(minutes(1)), NOTIFICATION, ErrorCode.GRACE_TIME_EXPIRED, null);
    t.row("2 left: activation", false)
        .on(days(2), RETAIL_KEY)
        .on(days(3), ACTIVATED_RETAIL)
        .expect(days(3), LICENSED, null, null);
    t.row("2 stays: a key installed keeps the grace's deadline", false)
        .on(days(2), RETAIL_KEY)
        .expect(days(2), INITIAL, ErrorCode.GRACE_PERIOD_RUNNING, days(8));
    t.row("2 entered again: rearm restarts the 10 d", false)
        .on(days(9), new Rearmed())
        .expect(days(9), INITIAL, ErrorCode.GRACE_PERIOD_RUNNING, d10);

    // --- 3 AdditionalGrace: out of tolerance or volume expiry; left by reactivation or end ---
    t.row("3 boundary: retail, one minute before 3 d", false)
        .on(days(1), RETAIL_KEY)
        .on(days(1), ACTIVATED_RETAIL)
        .on(days(5), OUT_OF_TOLERANCE)
        .expect(days(8).minus(minutes(1)), ADDITIONAL, ErrorCode.OUT_OF_TOLERANCE, minutes(1));
    t.row("3 left: retail, one minute after 3 d -> Notification", false)
        .on(days(1), RETAIL_KEY)
        .on(days(1), ACTIVATED_RETAIL)
        .on(days(5), OUT_OF_TOLERANCE)
        .expect(days(8).plus(minutes(1)), NOTIFICATION, ErrorCode.OUT_OF_TOLERANCE, null);
    t.row("3 boundary: volume, one minute before 30 d", false)
        .on(days(1), VOLUME_KEY)
        .on(days(1), Activated.until(Timeline.at(days(181)), true))
        .on(days(5), OUT_OF_TOLERANCE)
        .expect(days(35).minus(minutes(1)), ADDITIONAL, ErrorCode.OUT_OF_TOLERANCE, minutes(1));
    t.row("3 left: volume, one minute after 30 d -> Notification", false)
        .on(days(1), VOLUME_KEY)
        .on(days(1), Activated.until(Timeline.at(days(181)), true))
        .on(days(5), OUT_OF_TOLERANCE)
        .expect(days(35).plus(minutes(1)), NOTIFICATION, ErrorCode.OUT_OF_TOLERANCE, null);
    t.row("3 boundary: volume expired, one minute before its 30 d", false)
        .on(days(1), VOLUME_KEY)
        .on(days(1), Activated.until(Timeline.at(days(181)), true))
        .expect(
            days(211).minus(minutes(1)), ADDITIONAL, ErrorCode.VOLUME_HOST_UNAVAILABLE, minutes(1));
    t.row("3 left: volume expired, one minute after its 30 d -> Notification", false)
        .on(days(1), VOLUME_KEY)
        .on(days(1), Activated.until(Timeline.at(days(181)), true))
        .expect(days(211).plus(minutes(1)), NOTIFICATION, ErrorCode.VOLUME_HOST_UNAVAILABLE, null);
    t.row("3 stays: a second hardware change does not restart it", false)
        .on(days(1), RETAIL_KEY)
        .on(days(1), ACTIVATED_RETAIL)
        .on(days(5), OUT_OF_TOLERANCE)
        .on(days(7), OUT_OF_TOLERANCE)
        .expect(days(7), ADDITIONAL, ErrorCode.OUT_OF_TOLERANCE, days(1));
    t.row("3 left: volume host answers again", false)
        .on(days(1), VOLUME_KEY)
        .on(days(1), Activated.until(Timeline.at(days(181)), true))
        .on(days(190), Activated.until(Timeline.at(days(370)), true))
        .expect(days(190), LICENSED, null, days(180));

    // --- 4 NonGenuineGrace: integrity failure; left by repair or end ---
    t.row("4 entered: integrity failure while Licensed", false)
        .on(days(1), RETAIL_KEY)
        .on(days(1), ACTIVATED_RETAIL)
        .on(days(2), new IntegrityFailed())
        .expect(days(2), NON_GENUINE, ErrorCode.STORE_TAMPERED, days(30));
    t.row("4 boundary: one minute before 30 d", false)
        .on(days(2), new IntegrityFailed())
        .expect(days(32).minus(minutes(1)), NON_GENUINE, ErrorCode.STORE_TAMPERED, minutes(1));
    t.row("4 left: one minute after 30 d -> Notification", false)
        .on(days(2), new IntegrityFailed())
        .expect(days(32).plus(minutes(1)), NOTIFICATION, ErrorCode.STORE_TAMPERED, null);
    t.row("4 stays: a second integrity failure does not restart it", false)
        .on(days(2), new IntegrityFailed())
        .on(days(12), new IntegrityFailed())
        .expect(days(12), NON_GENUINE, ErrorCode.STORE_TAMPERED, days(20));
    t.row("4 left: repair -> back to Licensed", false)
        .on(days(1), RETAIL_KEY)
        .on(days(1), ACTIVATED_RETAIL)
        .on(days(2), new IntegrityFailed())
        .on(days(3), new Repaired())
        .expect(days(3), LICENSED, null, null);
    t.row("4 left: repair -> back to InitialGrace with its original end", false)
        .on(days(2), new IntegrityFailed())
        .on(days(5), new Repaired())
        .expect(days(5), INITIAL, ErrorCode.GRACE_PERIOD_RUNNING, days(5));
    t.row("4 left: repair after the held grace ended -> Notification", false)
        .on(days(2), new IntegrityFailed())
        .on(days(20), new Repaired())
        .expect(days(20), NOTIFICATION, ErrorCode.GRACE_TIME_EXPIRED, null);
    t.row("4 left: repair -> back to ExtendedGrace with its original end", true)
        .on(days(100), new IntegrityFailed())
        .on(days(110), new Repaired())
        .expect(days(110), EXTENDED, ErrorCode.EVALUATION_RUNNING, days(70));
    t.row("4 left: activation replaces the untrusted facts", false)
        .on(days(2), new IntegrityFailed())
        .on(days(3), ACTIVATED_RETAIL)
        .expect(days(3), LICENSED, null, null);

    // --- 5 Notification: a grace ended, an evaluation expired; left by activation / conversion ---
    t.row("5 entered: evaluation expired", true)
        .expect(d180.plus(minutes(1)), NOTIFICATION, ErrorCode.VALIDITY_PERIOD_EXPIRED, null);
    t.row("5 stays: Notification has no timer", false)
        .on(days(1), RETAIL_KEY)
        .expect(days(1000), NOTIFICATION, ErrorCode.GRACE_TIME_EXPIRED, null);
    t.row("5 left: activation", false)
        .on(days(1), RETAIL_KEY)
        .on(days(30), ACTIVATED_RETAIL)
        .expect(days(30), LICENSED, null, null);
    t.row("5 left: conversion of the expired evaluation", true)
        .on(days(200), new Converted(false))
        .expect(days(200), INITIAL, ErrorCode.GRACE_PERIOD_RUNNING, d10);
    t.row("5 left: conversion, then activation (seed 000)", true)
        .on(days(200), new Converted(false))
        .on(days(200).plus(minutes(5)), ACTIVATED_RETAIL)
        .expect(days(200).plus(minutes(5)), LICENSED, null, null);
    t.row("5 left: repair of the store", false)
        .on(days(1), RETAIL_KEY)
        .on(days(1), ACTIVATED_RETAIL)
        .on(days(2), new IntegrityFailed())
        .on(days(40), new Repaired())
        .expect(days(40), LICENSED, null, null);
    t.row("5 left: rearm of the expired evaluation", true)
        .on(days(181), new Rearmed())
        .expect(days(181), EXTENDED, ErrorCode.EVALUATION_RUNNING, d180);

    // --- 6 ExtendedGrace: evaluation running; left by conversion or expiry ---
    t.row("6 entered: evaluation installed", true)
        .expect(Duration.ZERO, EXTENDED, ErrorCode.EVALUATION_RUNNING, d180);
    t.row("6 boundary: one minute before 180 d", true)
        .expect(d180.minus(minutes(1)), EXTENDED, ErrorCode.EVALUATION_RUNNING, minutes(1));
    t.row("6 left: one minute after 180 d -> Notification", true)
        .expect(d180.plus(minutes(1)), NOTIFICATION, ErrorCode.VALIDITY_PERIOD_EXPIRED, null);
    t.row("6 left: conversion", true)
        .on(days(10), new Converted(true))
        .expect(days(10), INITIAL, ErrorCode.GRACE_PERIOD_RUNNING, d10);
    t.row("6 stays: hardware out of tolerance changes nothing", true)
        .on(days(10), OUT_OF_TOLERANCE)
        .expect(days(10), EXTENDED, ErrorCode.EVALUATION_RUNNING, days(170));
    t.row("6 entered again: rearm restarts the 180 d", true)
        .on(days(170), new Rearmed())
        .expect(days(170), EXTENDED, ErrorCode.EVALUATION_RUNNING, d180);

    return t.rows.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void row(Row row) {
    Timeline timeline = Timeline.installed(row.evaluation());
    for (Step step : row.steps()) {
      timeline.then(step.at(), step.event());
    }
    LicenseStatus status = timeline.status(row.checkAt());

    assertThat(status.state()).as("state").isEqualTo(row.state());
    assertThat(status.reason()).as("reason").isEqualTo(row.reason());
    assertThat(status.remaining()).as("remaining").isEqualTo(row.remaining());
    assertThat(status.expires())
        .as("expires")
        .isEqualTo(
            row.remaining() == null ? null : Timeline.at(row.checkAt()).plus(row.remaining()));
    assertThat(status.enforcement().isPresent())
        .as("enforcement only in Notification")
        .isEqualTo(row.state() == NOTIFICATION);
    assertThat(status.clockSetBack()).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void theRecordSettledAtTheCheckAgreesWithTheStatus(Row row) {
    Timeline timeline = Timeline.installed(row.evaluation());
    for (Step step : row.steps()) {
      timeline.then(step.at(), step.event());
    }
    LicenseRecord settled = timeline.machine.settle(timeline.record(), Timeline.at(row.checkAt()));
    assertThat(settled.state()).isEqualTo(row.state());
    assertThat(settled.reason()).isEqualTo(row.reason());
    assertThat(settled.trustedTime()).isEqualTo(Timeline.at(row.checkAt()));
  }
}
