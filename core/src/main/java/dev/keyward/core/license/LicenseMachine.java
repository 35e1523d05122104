package dev.keyward.core.license;

import static dev.keyward.core.license.LicenseState.ADDITIONAL_GRACE;
import static dev.keyward.core.license.LicenseState.EXTENDED_GRACE;
import static dev.keyward.core.license.LicenseState.INITIAL_GRACE;
import static dev.keyward.core.license.LicenseState.LICENSED;
import static dev.keyward.core.license.LicenseState.NON_GENUINE_GRACE;
import static dev.keyward.core.license.LicenseState.NOTIFICATION;
import static dev.keyward.core.license.LicenseState.UNLICENSED;

import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.error.Failure;
import dev.keyward.core.license.LicenseEvent.Activated;
import dev.keyward.core.license.LicenseEvent.Converted;
import dev.keyward.core.license.LicenseEvent.HardwareChanged;
import dev.keyward.core.license.LicenseEvent.Installed;
import dev.keyward.core.license.LicenseEvent.IntegrityFailed;
import dev.keyward.core.license.LicenseEvent.KeyInstalled;
import dev.keyward.core.license.LicenseEvent.KeyUninstalled;
import dev.keyward.core.license.LicenseEvent.Rearmed;
import dev.keyward.core.license.LicenseEvent.Repaired;
import dev.keyward.core.license.LicenseRecord.Phase;
import dev.keyward.core.license.Transition.Moved;
import dev.keyward.core.license.Transition.Refused;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The license state machine of SPEC §5: pure functions from a {@link LicenseRecord}, an event and
 * the present time to the next record. No clock is read here; the caller passes {@code now}.
 *
 * <p>Time-driven transitions are applied lazily by {@link #settle}: a record is moved past every
 * deadline that has passed, each transition dated at its deadline, so a record left alone for a
 * year is brought up to date in one call. {@link #apply} and {@link #status} settle first.
 *
 * <p>Trusted time: every record carries the highest time it has seen. Timers are evaluated at the
 * later of {@code now} and that anchor, so setting the clock back never gives back time; a clock
 * more than {@link LicenseTimers#clockTolerance()} behind the anchor is reported as set back.
 *
 * <p>The rules where SPEC §5 is silent are in the package documentation.
 */
public final class LicenseMachine {

  private final LicenseTimers timers;

  public LicenseMachine(LicenseTimers timers) {
    this.timers = Objects.requireNonNull(timers, "timers");
  }

  /** The machine with the built-in {@code winserver} timers. */
  public static LicenseMachine winserver() {
    return new LicenseMachine(LicenseTimers.winserver());
  }

  public LicenseTimers timers() {
    return timers;
  }

  /** The record of a fresh install at {@code now}: ExtendedGrace or InitialGrace. */
  public LicenseRecord install(boolean evaluation, Instant now) {
    Objects.requireNonNull(now, "now");
    return fresh(evaluation, now);
  }

  /** The time the timers are evaluated at: the later of {@code now} and the record's anchor. */
  public Instant effectiveTime(LicenseRecord record, Instant now) {
    Objects.requireNonNull(now, "now");
    return now.isAfter(record.trustedTime()) ? now : record.trustedTime();
  }

  /** Whether {@code now} is further behind the record's anchor than the clock tolerance. */
  public boolean clockSetBack(LicenseRecord record, Instant now) {
    Objects.requireNonNull(now, "now");
    return now.isBefore(record.trustedTime().minus(timers.clockTolerance()));
  }

  /**
   * The record moved past every deadline that has passed at {@code now} (at the anchor when the
   * clock is behind it), with its anchor advanced to that time. Each transition is dated at the
   * deadline that caused it. Idempotent; never moves {@code since} or the anchor backwards.
   */
  public LicenseRecord settle(LicenseRecord record, Instant now) {
    return settle(record, now, ErrorCode.VOLUME_HOST_UNAVAILABLE);
  }

  /**
   * As {@link #settle(LicenseRecord, Instant)}, with {@code lapse} as the reason of the
   * AdditionalGrace an expiring Licensed falls to: what the activation needed to be renewed by.
   */
  public LicenseRecord settle(LicenseRecord record, Instant now, ErrorCode lapse) {
    Objects.requireNonNull(lapse, "lapse");
    Instant at = effectiveTime(record, now);
    LicenseRecord r = record.withTrustedTime(at);
    while (r.deadline() != null && !at.isBefore(r.deadline())) {
      r = expire(r, lapse);
    }
    return r;
  }

  /** What happens when the current state's deadline is reached. */
  private LicenseRecord expire(LicenseRecord r, ErrorCode lapse) {
    Instant end = r.deadline();
    return switch (r.state()) {
      case LICENSED ->
          r.withPhase(
              new Phase(
                  ADDITIONAL_GRACE,
                  end,
                  end.plus(timers.additionalGrace(r.key().isVolume())),
                  lapse,
                  null));
      case INITIAL_GRACE -> r.withPhase(notification(end, ErrorCode.GRACE_TIME_EXPIRED, null));
      case EXTENDED_GRACE ->
          r.withPhase(notification(end, ErrorCode.VALIDITY_PERIOD_EXPIRED, null));
      case ADDITIONAL_GRACE -> r.withPhase(notification(end, r.reason(), null));
      case NON_GENUINE_GRACE -> r.withPhase(notification(end, r.reason(), r.held()));
      case UNLICENSED, NOTIFICATION ->
          throw new IllegalStateException(r.state() + " has no deadline");
    };
  }

  /**
   * Applies an event at {@code now}, after settling the record. The event takes effect at the
   * effective time (the anchor, when the clock is behind it), and the anchor advances to it.
   */
  public Transition apply(LicenseRecord record, LicenseEvent event, Instant now) {
    Objects.requireNonNull(event, "event");
    LicenseRecord r = settle(record, now);
    Instant at = r.trustedTime();
    return switch (event) {
      case Installed e -> new Moved(fresh(e.evaluation(), at));
      case KeyInstalled e -> keyInstalled(r, InstalledKey.of(e.volume()), e.graceFrom(), at);
      case KeyUninstalled e -> keyUninstalled(r, at);
      case Activated e -> activated(r, e, at);
      case Converted e -> converted(r, InstalledKey.of(e.volume()), at);
      case HardwareChanged e -> hardwareChanged(r, e.outOfTolerance(), at);
      case Rearmed e -> rearmed(r, at);
      case IntegrityFailed e -> integrityFailed(r, e.reason(), at);
      case Repaired e -> repaired(r, at);
    };
  }

  /** The status at {@code now}: the settled record's state, timers, rearms and enforcement. */
  public LicenseStatus status(LicenseRecord record, Instant now) {
    LicenseRecord r = settle(record, now);
    Instant at = r.trustedTime();
    Duration remaining = r.deadline() == null ? null : Duration.between(at, r.deadline());
    return new LicenseStatus(
        r.state(),
        r.reason(),
        remaining,
        r.deadline(),
        Math.max(0, timers.rearmLimit() - r.rearmCount()),
        enforcement(r),
        clockSetBack(record, now),
        r.evaluationEnd());
  }

  // --- events ---------------------------------------------------------------------------------

  private LicenseRecord fresh(boolean evaluation, Instant at) {
    if (evaluation) {
      Instant end = at.plus(timers.evaluationPeriod());
      return new LicenseRecord(
          EXTENDED_GRACE,
          at,
          end,
          ErrorCode.EVALUATION_RUNNING,
          end,
          InstalledKey.NONE,
          0,
          at,
          null);
    }
    return new LicenseRecord(
        INITIAL_GRACE,
        at,
        at.plus(timers.initialGrace()),
        ErrorCode.GRACE_PERIOD_RUNNING,
        null,
        InstalledKey.NONE,
        0,
        at,
        null);
  }

  private Transition keyInstalled(
      LicenseRecord r, InstalledKey key, Instant graceFrom, Instant at) {
    Optional<Failure> refusal =
        evaluationRefusal(r, at, "accepts no product key of another channel")
            .or(() -> tamperRefusal(r, "install a product key"));
    if (refusal.isPresent()) {
      return new Refused(refusal.get());
    }
    return switch (r.state()) {
      case UNLICENSED ->
          r.held() == null
              ? new Moved(with(r, graceOrNotification(graceFrom, at), key))
              : new Moved(settle(with(r, r.held(), key), at));
      case LICENSED ->
          // the activation belonged to the replaced key: activate again, within what is left of
          // the installation's initial grace (a key changed ten minutes after installing is not a
          // grace that has ended)
          new Moved(with(r, graceOrNotification(graceFrom, at), key));
      case INITIAL_GRACE, ADDITIONAL_GRACE, NOTIFICATION -> new Moved(r.withKey(key));
      case EXTENDED_GRACE, NON_GENUINE_GRACE ->
          throw new IllegalStateException("refused above: " + r.state());
    };
  }

  private Transition keyUninstalled(LicenseRecord r, Instant at) {
    Optional<Failure> refusal = tamperRefusal(r, "remove the product key");
    if (refusal.isPresent()) {
      return new Refused(refusal.get());
    }
    if (!r.key().isInstalled()) {
      return refused(ErrorCode.PKEY_NOT_INSTALLED, "no product key is installed");
    }
    // a removed key releases its activation; a running grace or notification is held, so that a
    // key installed again resumes it rather than starting a fresh grace
    Phase held = r.state() == LICENSED ? null : r.phase();
    return new Moved(
        with(
            r,
            new Phase(UNLICENSED, at, null, ErrorCode.PKEY_NOT_INSTALLED, held),
            InstalledKey.NONE));
  }

  private Transition activated(LicenseRecord r, Activated e, Instant at) {
    Optional<Failure> refusal = evaluationRefusal(r, at, "cannot be activated");
    if (refusal.isPresent()) {
      return new Refused(refusal.get());
    }
    if (e.expiresAt() != null && !e.expiresAt().isAfter(at)) {
      return refused(
          ErrorCode.INVALID_TIMESTAMP,
          "the activation expires at "
              + e.expiresAt()
              + ", not after the trusted time "
              + at
              + "; check the clock");
    }
    return new Moved(
        with(r, new Phase(LICENSED, at, e.expiresAt(), null, null), InstalledKey.of(e.volume())));
  }

  private Transition converted(LicenseRecord r, InstalledKey key, Instant at) {
    Phase grace =
        new Phase(
            INITIAL_GRACE,
            at,
            at.plus(timers.initialGrace()),
            ErrorCode.GRACE_PERIOD_RUNNING,
            null);
    return new Moved(
        new LicenseRecord(
            grace.state(),
            grace.since(),
            grace.deadline(),
            grace.reason(),
            null,
            key,
            r.rearmCount(),
            at,
            null));
  }

  private Transition hardwareChanged(LicenseRecord r, boolean outOfTolerance, Instant at) {
    if (!outOfTolerance) {
      return new Moved(r);
    }
    Optional<Failure> refusal = tamperRefusal(r, "record a hardware change");
    if (refusal.isPresent()) {
      return new Refused(refusal.get());
    }
    if (r.state() != LICENSED) {
      // nothing is bound to the hardware yet, or the activation is already lost: a further change
      // neither restarts nor shortens the grace
      return new Moved(r);
    }
    return new Moved(
        r.withPhase(
            new Phase(
                ADDITIONAL_GRACE,
                at,
                at.plus(timers.additionalGrace(r.key().isVolume())),
                ErrorCode.OUT_OF_TOLERANCE,
                null)));
  }

  private Transition rearmed(LicenseRecord r, Instant at) {
    Optional<Failure> refusal = tamperRefusal(r, "rearm");
    if (refusal.isPresent()) {
      return new Refused(refusal.get());
    }
    boolean rearmable =
        switch (r.state()) {
          case EXTENDED_GRACE, INITIAL_GRACE -> true;
          case NOTIFICATION ->
              r.reason() == ErrorCode.VALIDITY_PERIOD_EXPIRED
                  || r.reason() == ErrorCode.GRACE_TIME_EXPIRED;
          default -> false;
        };
    if (r.state() == LICENSED) {
      return refused(
          ErrorCode.NOT_SUPPORTED,
          "the product is activated; a rearm would discard the activation");
    }
    if (r.state() == UNLICENSED) {
      return refused(ErrorCode.PKEY_NOT_INSTALLED, "install a product key, then activate");
    }
    if (!rearmable) {
      return refused(
          ErrorCode.NOT_SUPPORTED,
          "a rearm restarts only an evaluation or the initial grace; this installation is in "
              + r.state()
              + " ("
              + r.reason().hex()
              + "): activate it again");
    }
    if (r.rearmCount() >= timers.rearmLimit()) {
      return refused(
          ErrorCode.REARM_LIMIT_EXCEEDED,
          "all " + timers.rearmLimit() + " rearms are used; convert the edition or activate");
    }
    LicenseRecord rearmed = r.withRearmCount(r.rearmCount() + 1);
    if (r.evaluation()) {
      Instant end = at.plus(timers.evaluationPeriod());
      Phase evaluation = new Phase(EXTENDED_GRACE, at, end, ErrorCode.EVALUATION_RUNNING, null);
      return new Moved(
          new LicenseRecord(
              evaluation.state(),
              evaluation.since(),
              evaluation.deadline(),
              evaluation.reason(),
              end,
              rearmed.key(),
              rearmed.rearmCount(),
              rearmed.trustedTime(),
              null));
    }
    return new Moved(
        rearmed.withPhase(
            new Phase(
                INITIAL_GRACE,
                at,
                at.plus(timers.initialGrace()),
                ErrorCode.GRACE_PERIOD_RUNNING,
                null)));
  }

  private Transition integrityFailed(LicenseRecord r, ErrorCode reason, Instant at) {
    if (r.tampered()) {
      return new Moved(r); // already known: the non-genuine grace is not restarted
    }
    return new Moved(
        r.withPhase(
            new Phase(
                NON_GENUINE_GRACE, at, at.plus(timers.nonGenuineGrace()), reason, r.phase())));
  }

  /**
   * What a key that is not (or no longer) activated gets: the rest of the initial grace that began
   * at {@code graceFrom} while it runs, else Notification 0xC004F009.
   */
  private Phase graceOrNotification(Instant graceFrom, Instant at) {
    if (graceFrom != null && !graceFrom.isAfter(at)) {
      Instant end = graceFrom.plus(timers.initialGrace());
      if (end.isAfter(at)) {
        return new Phase(INITIAL_GRACE, graceFrom, end, ErrorCode.GRACE_PERIOD_RUNNING, null);
      }
    }
    return notification(at, ErrorCode.GRACE_TIME_EXPIRED, null);
  }

  private Transition repaired(LicenseRecord r, Instant at) {
    if (!r.tampered()) {
      return new Moved(r);
    }
    // the held phase's timers kept running: resume it and catch it up
    return new Moved(settle(r.withPhase(r.held()), at));
  }

  // --- helpers --------------------------------------------------------------------------------

  /**
   * Why an evaluation edition refuses a key or an activation: 0x80070032 while it runs, 0xC004FC07
   * once its period has ended (seeds 002 and 000). Empty for other editions.
   */
  private static Optional<Failure> evaluationRefusal(LicenseRecord r, Instant at, String what) {
    if (!r.evaluation()) {
      return Optional.empty();
    }
    if (!at.isBefore(r.evaluationEnd())) {
      return Optional.of(
          Failure.of(
              ErrorCode.VALIDITY_PERIOD_EXPIRED,
              "the evaluation period ended at "
                  + r.evaluationEnd()
                  + "; convert to a licensed edition (dism /Set-Edition with its key), restart,"
                  + " then activate"));
    }
    return Optional.of(
        Failure.of(
            ErrorCode.NOT_SUPPORTED,
            "an evaluation edition "
                + what
                + " until it is converted (dism /Set-Edition with a key of the target edition)"));
  }

  private static Optional<Failure> tamperRefusal(LicenseRecord r, String what) {
    if (!r.tampered()) {
      return Optional.empty();
    }
    return Optional.of(
        Failure.of(
            ErrorCode.STORE_TAMPERED,
            "the license store failed its integrity check; repair it (or activate, convert or"
                + " reinstall) before trying to "
                + what));
  }

  private Optional<Enforcement> enforcement(LicenseRecord r) {
    if (r.state() != NOTIFICATION) {
      return Optional.empty();
    }
    if (r.reason() == ErrorCode.VALIDITY_PERIOD_EXPIRED) {
      Duration every = timers.evaluationShutdownInterval();
      return Optional.of(
          new Enforcement(
              true,
              every,
              "The evaluation period has expired ("
                  + r.reason().hex()
                  + "). Convert to a licensed edition and activate it. The system shuts down every "
                  + every.toMinutes()
                  + " minutes."));
    }
    return Optional.of(
        new Enforcement(
            true,
            null,
            "This product is not activated ("
                + r.reason().hex()
                + " "
                + r.reason().symbolicName()
                + "). Activate it."));
  }

  /** The record in another phase with another key, every other fact kept. */
  private static LicenseRecord with(LicenseRecord r, Phase phase, InstalledKey key) {
    return new LicenseRecord(
        phase.state(),
        phase.since(),
        phase.deadline(),
        phase.reason(),
        r.evaluationEnd(),
        key,
        r.rearmCount(),
        r.trustedTime(),
        phase.held());
  }

  private static Phase notification(Instant at, ErrorCode reason, Phase held) {
    return new Phase(NOTIFICATION, at, null, reason, held);
  }

  private static Transition refused(ErrorCode code, String detail) {
    return new Refused(Failure.of(code, detail));
  }
}
