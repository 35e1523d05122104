package dev.keyward.core.license;

import dev.keyward.core.error.ErrorCode;
import java.time.Instant;
import java.util.Objects;

/**
 * The persistent license facts of one installation: what the client store keeps, and what {@link
 * LicenseMachine} reads and returns. Immutable; every constructor call checks the invariants below
 * and throws {@link IllegalArgumentException} (or {@link NullPointerException}) when one does not
 * hold, withers included.
 *
 * <p>Invariants:
 *
 * <ul>
 *   <li>{@code reason} is null exactly when {@code state} is Licensed;
 *   <li>the grace states have a {@code deadline}, Notification and Unlicensed have none, Licensed
 *       has one exactly when its activation expires; a deadline is after {@code since};
 *   <li>{@code since} is not after {@code trustedTime}: nothing happened after the highest time
 *       seen;
 *   <li>an evaluation edition ({@code evaluationEnd} set) has no user key and is never Licensed;
 *       ExtendedGrace is only for evaluation editions and ends at {@code evaluationEnd};
 *   <li>Unlicensed means no key is installed; Licensed means one is;
 *   <li>{@code held} (the phase a state suspends, see {@link Phase}) is present in NonGenuineGrace
 *       and in the Notification it ends in (reason STORE_TAMPERED), may be present in Unlicensed,
 *       and is absent elsewhere; it is never itself a tampered phase.
 * </ul>
 *
 * @param state the current state
 * @param since when the current state was entered (for a resumed phase, when it was first entered)
 * @param deadline when the current state ends by itself, or null when it does not
 * @param reason why the installation is not Licensed: an error or information code of the catalogue
 * @param evaluationEnd for an evaluation edition, when the current evaluation period ends (each
 *     rearm moves it); null for every other edition
 * @param key the kind of key the user installed
 * @param rearmCount how many rearms this installation has used
 * @param trustedTime the trusted-time anchor: the highest time this record has seen
 * @param held the phase suspended by the current state, resumed when its cause is fixed; or null
 */
public record LicenseRecord(
    LicenseState state,
    Instant since,
    Instant deadline,
    ErrorCode reason,
    Instant evaluationEnd,
    InstalledKey key,
    int rearmCount,
    Instant trustedTime,
    Phase held) {

  /**
   * A state with its timing and reason, and what it suspends. The current phase of a record is
   * {@link LicenseRecord#phase()}. A phase is held, not lost, by:
   *
   * <ul>
   *   <li>NonGenuineGrace (and the Notification it ends in): an integrity failure suspends whatever
   *       the facts said; {@code Repaired} resumes it, caught up to the present;
   *   <li>Unlicensed: removing the key suspends the grace or notification that was running, so that
   *       installing a key again resumes it instead of starting a fresh grace.
   * </ul>
   *
   * <p>A held phase's timers keep running while it is held.
   */
  public record Phase(
      LicenseState state, Instant since, Instant deadline, ErrorCode reason, Phase held) {
    public Phase {
      Objects.requireNonNull(state, "state");
      Objects.requireNonNull(since, "since");
      if ((reason == null) != (state == LicenseState.LICENSED)) {
        throw new IllegalArgumentException(
            state + (reason == null ? " needs a reason" : " has no reason, got " + reason));
      }
      if (state.isGrace() && deadline == null) {
        throw new IllegalArgumentException(state + " needs a deadline");
      }
      if ((state == LicenseState.NOTIFICATION || state == LicenseState.UNLICENSED)
          && deadline != null) {
        throw new IllegalArgumentException(state + " has no deadline, got " + deadline);
      }
      if (deadline != null && !deadline.isAfter(since)) {
        throw new IllegalArgumentException("deadline " + deadline + " is not after since " + since);
      }
      boolean tamperedState =
          state == LicenseState.NON_GENUINE_GRACE
              || (state == LicenseState.NOTIFICATION && integrityReason(reason));
      if (tamperedState && held == null) {
        throw new IllegalArgumentException(state + " (" + reason + ") must hold a phase");
      }
      if (held != null && !tamperedState && state != LicenseState.UNLICENSED) {
        throw new IllegalArgumentException(state + " (" + reason + ") holds no phase");
      }
    }

    /** Whether this phase exists because the store or a certificate failed its integrity check. */
    public boolean tampered() {
      return state == LicenseState.NON_GENUINE_GRACE
          || (state == LicenseState.NOTIFICATION && integrityReason(reason));
    }

    /** The reasons of an integrity failure: a damaged store, or a proof from an untrusted key. */
    static boolean integrityReason(ErrorCode reason) {
      return reason == ErrorCode.STORE_TAMPERED || reason == ErrorCode.AUTHORITY_NOT_TRUSTED;
    }
  }

  public LicenseRecord {
    Phase checked = new Phase(state, since, deadline, reason, held);
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(trustedTime, "trustedTime");
    if (rearmCount < 0) {
      throw new IllegalArgumentException("rearmCount must not be negative: " + rearmCount);
    }
    if (since.isAfter(trustedTime)) {
      throw new IllegalArgumentException(
          "since " + since + " is after the trusted time " + trustedTime);
    }
    if (evaluationEnd != null) {
      if (state == LicenseState.LICENSED) {
        throw new IllegalArgumentException("an evaluation edition is never Licensed");
      }
      if (key.isInstalled()) {
        throw new IllegalArgumentException("an evaluation edition has no user key, got " + key);
      }
    }
    if (state == LicenseState.EXTENDED_GRACE && !Objects.equals(deadline, evaluationEnd)) {
      throw new IllegalArgumentException(
          "ExtendedGrace ends with the evaluation (" + evaluationEnd + "), not at " + deadline);
    }
    if (state == LicenseState.UNLICENSED && key.isInstalled()) {
      throw new IllegalArgumentException("Unlicensed means no key, got " + key);
    }
    if (state == LicenseState.LICENSED && !key.isInstalled()) {
      throw new IllegalArgumentException("Licensed needs the key it was activated with");
    }
    if (checked.held() != null && checked.held().tampered()) {
      // an integrity failure while tampered changes nothing, and a tampered store refuses key
      // removal: a tampered phase is never suspended by another
      throw new IllegalArgumentException("a tampered phase is never held, got " + checked.held());
    }
  }

  /** Whether the installed edition is an evaluation edition. */
  public boolean evaluation() {
    return evaluationEnd != null;
  }

  /**
   * When the activation expires: the deadline of Licensed, null for a permanent activation. Null as
   * well when not Licensed (there is no valid activation then).
   */
  public Instant activationExpiry() {
    return state == LicenseState.LICENSED ? deadline : null;
  }

  /** Whether the store or a certificate failed its integrity check and has not been repaired. */
  public boolean tampered() {
    return phase().tampered();
  }

  /** The current state with its timing, reason and held phase. */
  public Phase phase() {
    return new Phase(state, since, deadline, reason, held);
  }

  /** This record in another phase; every other fact kept. */
  public LicenseRecord withPhase(Phase phase) {
    return new LicenseRecord(
        phase.state(),
        phase.since(),
        phase.deadline(),
        phase.reason(),
        evaluationEnd,
        key,
        rearmCount,
        trustedTime,
        phase.held());
  }

  public LicenseRecord withEvaluationEnd(Instant evaluationEnd) {
    return new LicenseRecord(
        state, since, deadline, reason, evaluationEnd, key, rearmCount, trustedTime, held);
  }

  public LicenseRecord withKey(InstalledKey key) {
    return new LicenseRecord(
        state, since, deadline, reason, evaluationEnd, key, rearmCount, trustedTime, held);
  }

  public LicenseRecord withRearmCount(int rearmCount) {
    return new LicenseRecord(
        state, since, deadline, reason, evaluationEnd, key, rearmCount, trustedTime, held);
  }

  public LicenseRecord withTrustedTime(Instant trustedTime) {
    return new LicenseRecord(
        state, since, deadline, reason, evaluationEnd, key, rearmCount, trustedTime, held);
  }
}
