package dev.keyward.core.license;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.error.Failure;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LicenseDerivationTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  private final LicenseMachine machine = LicenseMachine.winserver();
  private final LicenseDerivation derivation = new LicenseDerivation(machine);

  private LicenseRecord activated(Instant expiresAt) {
    LicenseRecord installed = machine.install(false, T0);
    LicenseRecord keyed = moved(machine.apply(installed, new LicenseEvent.KeyInstalled(false), T0));
    return moved(machine.apply(keyed, new LicenseEvent.Activated(expiresAt, false), T0));
  }

  private static LicenseRecord moved(Transition t) {
    return ((Transition.Moved) t).next();
  }

  private static Instant days(int n) {
    return T0.plus(Duration.ofDays(n));
  }

  @Test
  void licensedNeedsAProofAndKeepsItsOwnExpiry() {
    LicenseRecord permanent = activated(null);
    var proven = derivation.derive(permanent, ActivationStanding.Proven.permanently(), days(5));
    assertThat(proven.record().state()).isEqualTo(LicenseState.LICENSED);
    assertThat(proven.finding()).isEmpty();

    // the store claims permanent, the signed proof says seven days: the proof decides
    var expiring = derivation.derive(permanent, new ActivationStanding.Proven(days(7)), days(8));
    assertThat(expiring.record().state()).isEqualTo(LicenseState.ADDITIONAL_GRACE);
  }

  @Test
  void withoutAProofLicensedIsNonGenuineFromTheAnchorWhateverTheReadTime() {
    LicenseRecord claimed = activated(null);
    var first = derivation.derive(claimed, new ActivationStanding.Absent(), days(1));
    var later = derivation.derive(claimed, new ActivationStanding.Absent(), days(2));
    assertThat(first.record().state()).isEqualTo(LicenseState.NON_GENUINE_GRACE);
    assertThat(first.record().reason()).isEqualTo(ErrorCode.STORE_TAMPERED);
    assertThat(later.record().deadline()).isEqualTo(first.record().deadline()).isEqualTo(days(30));
    assertThat(first.finding()).isPresent();
  }

  @Test
  void anUntrustedProofIsNamedSoAndEndsInItsNotification() {
    var untrusted =
        derivation.derive(
            activated(null),
            new ActivationStanding.Refuted(
                Failure.of(ErrorCode.AUTHORITY_NOT_TRUSTED, "signed by k-x")),
            days(31));
    assertThat(untrusted.record().state()).isEqualTo(LicenseState.NOTIFICATION);
    assertThat(untrusted.record().reason()).isEqualTo(ErrorCode.AUTHORITY_NOT_TRUSTED);
    assertThat(untrusted.record().tampered()).isTrue();
  }

  @Test
  void aProofForAnotherMachineIsTheAdditionalGrace() {
    var other =
        derivation.derive(
            activated(null),
            new ActivationStanding.OtherMachine(
                Failure.of(ErrorCode.OUT_OF_TOLERANCE, "5 changed")),
            days(1));
    assertThat(other.record().state()).isEqualTo(LicenseState.ADDITIONAL_GRACE);
    assertThat(other.record().reason()).isEqualTo(ErrorCode.OUT_OF_TOLERANCE);
  }

  @Test
  void aRecordThatIsNotLicensedIsNeverRaisedByAProof() {
    LicenseRecord grace = machine.install(false, T0);
    var derived = derivation.derive(grace, ActivationStanding.Proven.permanently(), days(1));
    assertThat(derived.record().state()).isEqualTo(LicenseState.INITIAL_GRACE);
    assertThat(derived.finding()).isEmpty();
  }

  @Test
  void aBrokenTrustRecordIsNonGenuineInAnyState() {
    var distrusted =
        derivation.distrusted(
            machine.install(false, T0),
            Failure.of(ErrorCode.AUTHORITY_NOT_TRUSTED, "trust.json was removed"),
            days(1));
    assertThat(distrusted.record().state()).isEqualTo(LicenseState.NON_GENUINE_GRACE);
    assertThat(distrusted.record().reason()).isEqualTo(ErrorCode.AUTHORITY_NOT_TRUSTED);
  }

  @Test
  void aRenewalThatExpiresBeforeTheTrustedTimeIsRefused() {
    LicenseRecord licensed = activated(days(7));
    Transition renewal =
        machine.apply(
            licensed, new LicenseEvent.Activated(days(1).minus(Duration.ofDays(1)), true), days(1));
    assertThat(renewal).isInstanceOf(Transition.Refused.class);
    assertThat(((Transition.Refused) renewal).failure().error())
        .isEqualTo(ErrorCode.INVALID_TIMESTAMP);
  }
}
