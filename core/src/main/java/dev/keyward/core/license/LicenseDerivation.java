package dev.keyward.core.license;

import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.error.Failure;
import dev.keyward.core.license.LicenseRecord.Phase;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Licensed is derived, never stored as a decision (SPEC §16). The stored record caches what the
 * last operation found; at every status read and before every operation this class combines it with
 * what the proof of activation shows now ({@link ActivationStanding}):
 *
 * <ul>
 *   <li>a record that is not Licensed stays what its timers say: the store may always say less than
 *       a proof would, never more;
 *   <li>a Licensed record stays Licensed only with a {@link ActivationStanding.Proven} proof, and
 *       then until the proof's own expiry (the record's deadline is not believed), settled at the
 *       trusted time;
 *   <li>a Licensed record with no proof, or a refuted one, is NonGenuineGrace (its reason says
 *       which: 0xC0DE0003, or 0xC0DE0020 for an untrusted key); a proof for a machine out of
 *       tolerance is AdditionalGrace 0xC004F00F.
 * </ul>
 *
 * <p>A finding takes effect at the record's trusted-time anchor, the last moment an operation
 * vouched for the stored facts, so that reading the status again and again (which never writes)
 * gives the same answer, and a grace that began is never restarted by looking.
 */
public final class LicenseDerivation {
  private final LicenseMachine machine;

  public LicenseDerivation(LicenseMachine machine) {
    this.machine = Objects.requireNonNull(machine, "machine");
  }

  /**
   * The derived record and, when it differs from what the store claims, why.
   *
   * @param record the record settled at the present (what status and operations use)
   * @param finding what the proof showed against the stored claim; empty when they agree
   */
  public record Derived(LicenseRecord record, Optional<Failure> finding) {
    public Derived {
      Objects.requireNonNull(record, "record");
      Objects.requireNonNull(finding, "finding");
    }
  }

  /** The license as the stored record and the proof of activation show it at {@code now}. */
  public Derived derive(LicenseRecord stored, ActivationStanding standing, Instant now) {
    Objects.requireNonNull(stored, "stored");
    Objects.requireNonNull(standing, "standing");
    if (stored.state() != LicenseState.LICENSED) {
      return new Derived(machine.settle(stored, now), Optional.empty());
    }
    return switch (standing) {
      case ActivationStanding.Proven p -> proven(stored, p, now);
      case ActivationStanding.Absent a ->
          failed(
              stored,
              new LicenseEvent.IntegrityFailed(),
              Failure.of(
                  ErrorCode.STORE_TAMPERED,
                  "the store says Licensed but holds no activation certificate or confirmation;"
                      + " only a proof signed by the vendor makes a machine Licensed"),
              now);
      case ActivationStanding.Refuted r ->
          failed(stored, new LicenseEvent.IntegrityFailed(reason(r.failure())), r.failure(), now);
      case ActivationStanding.OtherMachine o ->
          failed(stored, new LicenseEvent.HardwareChanged(true), o.failure(), now);
    };
  }

  /**
   * The record when what the store relies on cannot be trusted whatever its state (for example the
   * vendor trust recorded at installation was removed or edited): NonGenuineGrace with the
   * failure's reason, from the record's anchor; a record already tampered keeps its grace.
   */
  public Derived distrusted(LicenseRecord stored, Failure failure, Instant now) {
    return failed(stored, new LicenseEvent.IntegrityFailed(reason(failure)), failure, now);
  }

  private Derived proven(LicenseRecord stored, ActivationStanding.Proven proof, Instant now) {
    Instant expiresAt = proof.expiresAt();
    LicenseRecord r = stored;
    if (!Objects.equals(stored.deadline(), expiresAt)) {
      if (expiresAt != null && !expiresAt.isAfter(stored.since())) {
        return failed(
            stored,
            new LicenseEvent.IntegrityFailed(),
            Failure.of(
                ErrorCode.STORE_TAMPERED,
                "the store dates its activation after the certificate's expiry " + expiresAt),
            now);
      }
      // the signed expiry decides, whatever deadline the store claims
      r = stored.withPhase(new Phase(LicenseState.LICENSED, stored.since(), expiresAt, null, null));
    }
    return new Derived(machine.settle(r, now, proof.lapse()), Optional.empty());
  }

  private Derived failed(LicenseRecord stored, LicenseEvent event, Failure why, Instant now) {
    LicenseRecord at =
        switch (machine.apply(stored, event, stored.trustedTime())) {
          case Transition.Moved moved -> moved.next();
          case Transition.Refused refused -> stored; // a tampered record keeps its grace
        };
    return new Derived(machine.settle(at, now), Optional.of(why));
  }

  private static ErrorCode reason(Failure failure) {
    return failure.error() == ErrorCode.AUTHORITY_NOT_TRUSTED
        ? ErrorCode.AUTHORITY_NOT_TRUSTED
        : ErrorCode.STORE_TAMPERED;
  }
}
