package dev.keyward.core.license;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

/** One installation's record driven through events at offsets from {@link #T0}. */
final class Timeline {
  static final Instant T0 = Instant.parse("2025-03-01T08:00:00Z");

  final LicenseMachine machine;
  private LicenseRecord record;

  private Timeline(LicenseMachine machine, LicenseRecord record) {
    this.machine = machine;
    this.record = record;
  }

  /** A fresh install at {@link #T0} with the winserver timers. */
  static Timeline installed(boolean evaluation) {
    LicenseMachine machine = LicenseMachine.winserver();
    return new Timeline(machine, machine.install(evaluation, T0));
  }

  static Duration days(long days) {
    return Duration.ofDays(days);
  }

  static Duration minutes(long minutes) {
    return Duration.ofMinutes(minutes);
  }

  static Instant at(Duration offset) {
    return T0.plus(offset);
  }

  LicenseRecord record() {
    return record;
  }

  /** Applies an event that must be accepted, and keeps the result. */
  Timeline then(Duration offset, LicenseEvent event) {
    Transition t = machine.apply(record, event, at(offset));
    assertThat(t).as("%s at T0+%s", event, offset).isInstanceOf(Transition.Moved.class);
    record = ((Transition.Moved) t).next();
    return this;
  }

  /** Applies an event and returns the outcome without keeping anything. */
  Transition attempt(Duration offset, LicenseEvent event) {
    return machine.apply(record, event, at(offset));
  }

  LicenseStatus status(Duration offset) {
    return machine.status(record, at(offset));
  }
}
