package dev.keyward.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.core.catalog.Channel;
import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.key.ProductKey;
import dev.keyward.core.key.ProductKeyCodec;
import dev.keyward.core.license.LicenseState;
import dev.keyward.machines.LabProfile;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Evaluation editions, edition conversion and generalisation through the SDK (seeds 000 and 002),
 * with the boundaries one minute either side of each period.
 */
class ServicingTest extends AgainstFakeAuthority {
  // winserver groups: 1011 = 2019 ServerStandard RETAIL, 1021 = 2019 ServerDatacenter RETAIL,
  // 2011 = 2022 ServerStandard RETAIL
  private static final ProductKey STD_2019 = ProductKeyCodec.encode(1011, 77, TAGGER);
  private static final ProductKey DC_2019 = ProductKeyCodec.encode(1021, 78, TAGGER);
  private static final ProductKey STD_2022 = ProductKeyCodec.encode(2011, 79, TAGGER);
  private static final Duration MINUTE = Duration.ofMinutes(1);

  ServicingTest() {
    machine = LabProfile.VMWARE_VM.newMachine(new Random(7));
  }

  private static ErrorCode code(Runnable action) {
    try {
      action.run();
    } catch (KeywardException e) {
      return e.code();
    }
    throw new AssertionError("not refused");
  }

  private void at(Duration sinceStart) {
    clock.advance(Duration.between(clock.instant(), START.plus(sinceStart)));
  }

  @Test
  void anEvaluationRunsOneHundredEightyDaysThenNotifiesWithShutdowns() {
    client().init("winserver", "2019", "ServerStandardEval");
    at(Duration.ofDays(180).minus(MINUTE));
    LicenseInfo running = client().status();
    assertThat(running.status().state()).isEqualTo(LicenseState.EXTENDED_GRACE);
    assertThat(running.status().remainingMinutes()).isEqualTo(1);
    assertThat(running.status().evaluationEnd()).isEqualTo(START.plus(Duration.ofDays(180)));
    assertThat(running.channel()).contains(Channel.TIMEBASED_EVAL);
    assertThat(code(() -> client().installKey(STD_2019.display())))
        .isEqualTo(ErrorCode.NOT_SUPPORTED);
    assertThat(code(() -> client().activate())).isEqualTo(ErrorCode.NOT_SUPPORTED);

    at(Duration.ofDays(180).plus(MINUTE));
    LicenseInfo expired = client().status();
    assertThat(expired.status().state()).isEqualTo(LicenseState.NOTIFICATION);
    assertThat(expired.status().reason()).isEqualTo(ErrorCode.VALIDITY_PERIOD_EXPIRED);
    assertThat(expired.status().enforcement())
        .hasValueSatisfying(
            e -> {
              assertThat(e.warning()).isTrue();
              assertThat(e.shutdownEvery()).isEqualTo(Duration.ofMinutes(60));
            });
    assertThat(code(() -> client().installKey(STD_2019.display())))
        .isEqualTo(ErrorCode.VALIDITY_PERIOD_EXPIRED);
    assertThat(code(() -> client().activate())).isEqualTo(ErrorCode.VALIDITY_PERIOD_EXPIRED);
    assertThat(authority.activations.get()).isZero();
  }

  @Test
  void rearmRestartsTheEvaluationUpToTheLimit() {
    client().init("winserver", "2019", "ServerStandardEval");
    for (int i = 1; i <= 5; i++) {
      at(Duration.ofDays(180L * i).plus(MINUTE));
      assertThat(client().status().status().state()).isEqualTo(LicenseState.NOTIFICATION);
      LicenseInfo rearmed = client().rearm();
      assertThat(rearmed.status().state()).isEqualTo(LicenseState.EXTENDED_GRACE);
      assertThat(rearmed.status().rearmRemaining()).isEqualTo(5 - i);
      assertThat(rearmed.status().evaluationEnd())
          .isEqualTo(clock.instant().plus(Duration.ofDays(180)));
    }
    // the fifth rearm's period runs out a minute later; a sixth is refused
    at(Duration.ofDays(180L * 5).plus(MINUTE).plus(Duration.ofDays(180)).minus(MINUTE));
    assertThat(client().status().status().state()).isEqualTo(LicenseState.EXTENDED_GRACE);
    assertThat(code(() -> client().rearm())).isEqualTo(ErrorCode.REARM_LIMIT_EXCEEDED);
    at(Duration.ofDays(180L * 5).plus(MINUTE).plus(Duration.ofDays(180)).plus(MINUTE));
    assertThat(client().status().status().reason()).isEqualTo(ErrorCode.VALIDITY_PERIOD_EXPIRED);
    assertThat(code(() -> client().rearm())).isEqualTo(ErrorCode.REARM_LIMIT_EXCEEDED);
  }

  @Test
  void anExpiredEvaluationConvertsAtRestartIntoTenDaysOfGraceThenActivates() {
    client().init("winserver", "2019", "ServerStandardEval");
    at(Duration.ofDays(181));
    LicenseInfo asked = client().convertEdition("serverstandard", STD_2019.display());
    // nothing changes before the restart
    assertThat(asked.edition()).isEqualTo("ServerStandardEval");
    assertThat(asked.pendingEdition()).contains("ServerStandard");
    assertThat(asked.status().state()).isEqualTo(LicenseState.NOTIFICATION);
    assertThat(asked.notices()).anySatisfy(n -> assertThat(n).contains("keyward restart"));
    Servicing.Editions editions = client().editions();
    assertThat(editions.edition()).isEqualTo("ServerStandardEval");
    assertThat(editions.targets()).containsExactly("ServerStandard", "ServerDatacenter");
    assertThat(editions.pending()).contains("ServerStandard");
    assertThat(code(() -> client().convertEdition("ServerDatacenter", DC_2019.display())))
        .isEqualTo(ErrorCode.RESTART_PENDING);

    Servicing.Conversion done = client().applyPendingConversion().orElseThrow();
    assertThat(done.from()).isEqualTo("ServerStandardEval");
    assertThat(done.to()).isEqualTo("ServerStandard");
    LicenseInfo converted = done.info();
    assertThat(converted.edition()).isEqualTo("ServerStandard");
    assertThat(converted.evaluation()).isFalse();
    assertThat(converted.pendingEdition()).isEmpty();
    assertThat(converted.partialProductKey()).contains(STD_2019.partial());
    assertThat(converted.channel()).contains(Channel.RETAIL);
    assertThat(converted.status().state()).isEqualTo(LicenseState.INITIAL_GRACE);
    assertThat(converted.status().remaining()).isEqualTo(Duration.ofDays(10));
    assertThat(converted.status().evaluationEnd()).isNull();
    assertThat(converted.status().rearmRemaining()).isEqualTo(5);
    assertThat(client().applyPendingConversion()).isEmpty();

    at(Duration.ofDays(191).minus(MINUTE));
    assertThat(client().status().status().state()).isEqualTo(LicenseState.INITIAL_GRACE);
    assertThat(client().status().status().remainingMinutes()).isEqualTo(1);
    at(Duration.ofDays(191).plus(MINUTE));
    LicenseInfo late = client().status();
    assertThat(late.status().state()).isEqualTo(LicenseState.NOTIFICATION);
    assertThat(late.status().reason()).isEqualTo(ErrorCode.GRACE_TIME_EXPIRED);
    // the key the conversion installed activates
    assertThat(client().activate().info().status().state()).isEqualTo(LicenseState.LICENSED);
    assertThat(authority.activationBodies.get(0)).containsEntry("edition", "ServerStandard");
  }

  @Test
  void conversionsFollowTheCatalogAndTheKeyMustFitTheTarget() {
    client().init("winserver", "2019", "ServerStandardEval");
    assertThat(code(() -> client().convertEdition("ServerStandard", DC_2019.display())))
        .isEqualTo(ErrorCode.INVALID_PRODUCT_KEY);
    assertThat(code(() -> client().convertEdition("ServerStandard", STD_2022.display())))
        .isEqualTo(ErrorCode.PKEY_INVALID_CONFIG);
    assertThat(code(() -> client().convertEdition("ServerStandardCor", STD_2019.display())))
        .isEqualTo(ErrorCode.CONVERSION_NOT_ALLOWED);
    String typo = STD_2019.display().substring(0, 28) + "B";
    if (typo.equals(STD_2019.display())) {
      typo = STD_2019.display().substring(0, 28) + "C";
    }
    String mistyped = typo;
    assertThat(code(() -> client().convertEdition("ServerStandard", mistyped)))
        .isEqualTo(ErrorCode.INVALID_PRODUCT_KEY);
    assertThat(client().editions().pending()).isEmpty();

    // Datacenter never goes back to Standard
    client().init("winserver", "2019", "ServerDatacenter");
    assertThat(client().editions().targets()).isEmpty();
    assertThat(code(() -> client().convertEdition("ServerStandard", STD_2019.display())))
        .isEqualTo(ErrorCode.CONVERSION_NOT_ALLOWED);
  }

  @Test
  void aLicensedStandardConvertedToDatacenterMustActivateAgain() {
    KeywardClient client = client();
    client.init("winserver", "2019", "ServerStandard");
    client.installKey(STD_2019.display());
    client.activate();
    client.convertEdition("ServerDatacenter", DC_2019.display());
    assertThat(client.status().status().state()).isEqualTo(LicenseState.LICENSED);
    LicenseInfo converted = client.applyPendingConversion().orElseThrow().info();
    assertThat(converted.status().state()).isEqualTo(LicenseState.INITIAL_GRACE);
    assertThat(converted.activationId()).isEmpty();
    assertThat(client.activate().info().edition()).isEqualTo("ServerDatacenter");
  }

  @Test
  void generalizeDrawsANewMachineIdAndKeepsTheLicence() {
    LicenseInfo before = client().init("winserver", "2022", "ServerStandard");
    LicenseInfo after = client().generalize();
    assertThat(after.cmid()).isNotEqualTo(before.cmid()).hasSize(36);
    assertThat(after.status().state()).isEqualTo(before.status().state());
    assertThat(client().status().cmid()).isEqualTo(after.cmid());
  }
}
