package dev.keyward.core.license;

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
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * Random installs, events and clock moves (forwards by minutes to years, and backwards) keep the
 * machine's invariants.
 */
class LicenseMachineProperties {

  private static final Instant T0 = Instant.parse("2025-03-01T08:00:00Z");
  private static final LicenseMachine MACHINE = LicenseMachine.winserver();
  private static final int LIMIT = MACHINE.timers().rearmLimit();

  /** One step of a history: move the clock, then do something. */
  sealed interface Action {}

  /** The clock moves by this many minutes; negative: it is set back. */
  record Clock(long minutes) implements Action {}

  /** An event other than Activated. */
  record Event(LicenseEvent event) implements Action {}

  /** An activation expiring this many minutes from the clock (null: permanent); may be past. */
  record Activate(Long expiresInMinutes, boolean volume) implements Action {}

  record History(boolean evaluation, List<Action> actions) {}

  @Provide
  Arbitrary<History> histories() {
    return Combinators.combine(Arbitraries.of(true, false), actions().list().ofMaxSize(40))
        .as(History::new);
  }

  private static Arbitrary<Action> actions() {
    Arbitrary<Action> clock =
        Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.longs().between(0, 60 * 24)),
                Tuple.of(4, Arbitraries.longs().between(0, 60 * 24 * 40)),
                Tuple.of(1, Arbitraries.longs().between(0, 60 * 24 * 400)),
                Tuple.of(2, Arbitraries.longs().between(-60 * 24 * 60, 0)),
                Tuple.of(1, Arbitraries.longs().between(-90, 0)))
            .map(Clock::new);
    Arbitrary<Action> event =
        Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.of(true, false).map(Installed::new)),
                Tuple.of(3, Arbitraries.of(true, false).map(KeyInstalled::new)),
                Tuple.of(2, Arbitraries.just(new KeyUninstalled())),
                Tuple.of(2, Arbitraries.of(true, false).map(Converted::new)),
                Tuple.of(3, Arbitraries.of(true, false).map(HardwareChanged::new)),
                Tuple.of(4, Arbitraries.just(new Rearmed())),
                Tuple.of(2, Arbitraries.just(new IntegrityFailed())),
                Tuple.of(2, Arbitraries.just(new Repaired())))
            .map(e -> (Action) new Event(e));
    Arbitrary<Action> activate =
        Combinators.combine(
                Arbitraries.longs().between(-60 * 24, 60 * 24 * 200).injectNull(0.4),
                Arbitraries.of(true, false))
            .as(Activate::new);
    return Arbitraries.frequencyOf(Tuple.of(5, clock), Tuple.of(6, event), Tuple.of(2, activate));
  }

  private static LicenseEvent materialise(Action action, Instant now) {
    return switch (action) {
      case Event e -> e.event();
      case Activate a ->
          new Activated(
              a.expiresInMinutes() == null
                  ? null
                  : now.plus(Duration.ofMinutes(a.expiresInMinutes())),
              a.volume());
      case Clock c -> throw new IllegalArgumentException("not an event: " + c);
    };
  }

  @Property(tries = 1000)
  void invariantsHoldThroughAnyHistory(@ForAll("histories") History history) {
    Instant now = T0;
    LicenseRecord record = MACHINE.install(history.evaluation(), now);
    checkRecord(record);
    for (Action action : history.actions()) {
      if (action instanceof Clock c) {
        now = now.plus(Duration.ofMinutes(c.minutes()));
      } else {
        Transition t = MACHINE.apply(record, materialise(action, now), now);
        if (t instanceof Transition.Moved moved) {
          LicenseRecord next = moved.next();
          assertThat(next.trustedTime())
              .as("anchor never moves back")
              .isAfterOrEqualTo(record.trustedTime());
          assertThat(next.trustedTime()).isAfterOrEqualTo(now);
          record = next;
        }
      }
      checkRecord(record);
      Statistics.label("state").collect(MACHINE.settle(record, now).state());
      Statistics.label("clock set back").collect(MACHINE.clockSetBack(record, now));
      checkSettle(record, now);
      checkStatus(record, now);
    }
    // the histories reach every state, and set clocks back
    Statistics.label("state")
        .coverage(
            coverage -> {
              for (LicenseState state : LicenseState.values()) {
                coverage.check(state).count(n -> n > 0);
              }
            });
    Statistics.label("clock set back").coverage(coverage -> coverage.check(true).count(n -> n > 0));
  }

  private static void checkRecord(LicenseRecord r) {
    assertThat(r.state().code()).isBetween(0, 6);
    assertThat(LicenseState.fromCode(r.state().code())).contains(r.state());
    assertThat(r.reason() == null)
        .as("reason null exactly when Licensed")
        .isEqualTo(r.state() == LicenseState.LICENSED);
    assertThat(r.rearmCount()).isBetween(0, LIMIT);
    assertThat(r.since()).isBeforeOrEqualTo(r.trustedTime());
    if (r.deadline() != null) {
      assertThat(r.deadline()).isAfter(r.since());
    }
  }

  private static void checkSettle(LicenseRecord r, Instant now) {
    LicenseRecord settled = MACHINE.settle(r, now);
    checkRecord(settled);
    assertThat(settled.since()).as("since never moves back").isAfterOrEqualTo(r.since());
    assertThat(settled.trustedTime()).isAfterOrEqualTo(r.trustedTime()).isAfterOrEqualTo(now);
    if (settled.deadline() != null) {
      assertThat(settled.deadline()).as("no passed deadline left").isAfter(settled.trustedTime());
    }
    assertThat(MACHINE.settle(settled, now)).as("idempotent").isEqualTo(settled);
    // settling in two steps is settling at once
    Instant later = now.plus(Duration.ofDays(97));
    assertThat(MACHINE.settle(settled, later)).isEqualTo(MACHINE.settle(r, later));
    // the facts that no deadline touches are kept
    assertThat(settled.key()).isEqualTo(r.key());
    assertThat(settled.rearmCount()).isEqualTo(r.rearmCount());
    assertThat(settled.evaluationEnd()).isEqualTo(r.evaluationEnd());
  }

  private static void checkStatus(LicenseRecord r, Instant now) {
    LicenseStatus status = MACHINE.status(r, now);
    assertThat(status.state().code()).isBetween(0, 6);
    assertThat(status.reason() == null).isEqualTo(status.state() == LicenseState.LICENSED);
    if (status.remaining() != null) {
      assertThat(status.remaining()).as("remaining").isPositive();
      assertThat(status.remainingMinutes()).isNotNegative();
    }
    assertThat(status.expires() == null).isEqualTo(status.remaining() == null);
    assertThat(status.rearmRemaining()).isBetween(0, LIMIT);
    assertThat(status.enforcement().isPresent())
        .isEqualTo(status.state() == LicenseState.NOTIFICATION);
    assertThat(status.evaluationEnd()).isEqualTo(r.evaluationEnd());
    assertThat(status.clockSetBack())
        .isEqualTo(now.isBefore(r.trustedTime().minus(MACHINE.timers().clockTolerance())));

    // a clock behind the anchor gives back nothing: the status is the one at the anchor
    if (now.isBefore(r.trustedTime())) {
      assertThat(status)
          .usingRecursiveComparison()
          .ignoringFields("clockSetBack")
          .isEqualTo(MACHINE.status(r, r.trustedTime()));
    }
    // and time passing never adds remaining time to the same state
    LicenseStatus later = MACHINE.status(r, now.plus(Duration.ofHours(5)));
    if (later.state() == status.state() && status.remaining() != null) {
      assertThat(later.remaining()).isLessThanOrEqualTo(status.remaining());
    }
  }

  @Property(tries = 300)
  void rearmsNeverPassTheLimit(
      @ForAll boolean evaluation, @ForAll @IntRange(min = 0, max = 400) int daysBetween) {
    Instant now = T0;
    LicenseRecord record = MACHINE.install(evaluation, now);
    int accepted = 0;
    for (int i = 0; i < LIMIT + 3; i++) {
      now = now.plus(Duration.ofDays(daysBetween));
      Transition t = MACHINE.apply(record, new Rearmed(), now);
      if (t instanceof Transition.Moved moved) {
        record = moved.next();
        accepted++;
        assertThat(MACHINE.status(record, now).remaining())
            .isEqualTo(evaluation ? Duration.ofDays(180) : Duration.ofDays(10));
      } else {
        assertThat(((Transition.Refused) t).failure().error())
            .isEqualTo(ErrorCode.REARM_LIMIT_EXCEEDED);
      }
    }
    assertThat(accepted).isEqualTo(LIMIT);
    assertThat(record.rearmCount()).isEqualTo(LIMIT);
  }
}
