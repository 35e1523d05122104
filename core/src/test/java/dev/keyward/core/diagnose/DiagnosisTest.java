package dev.keyward.core.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.core.error.ErrorCode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The rules on facts alone: order, the two-problem machine, healthy machines, filled-in values. */
class DiagnosisTest {
  private static final Instant NOW = Instant.parse("2026-07-05T09:00:00Z");

  private static ProductFacts evaluation(String state, ErrorCode reason) {
    return new ProductFacts(
        "winserver",
        "Windows Server",
        "2019",
        "ServerStandardEval",
        true,
        Optional.of(Instant.parse("2026-07-04T09:00:00Z")),
        5,
        Optional.of("TIMEBASED_EVAL"),
        Optional.empty(),
        state,
        Optional.ofNullable(reason),
        Optional.empty(),
        Optional.empty(),
        List.of("ServerStandard", "ServerDatacenter"));
  }

  private static Facts facts(ProductFacts p, TimeFacts time) {
    return new Facts(
        p,
        Optional.empty(),
        time,
        Optional.of(Reachability.reached("http://127.0.0.1:8080")),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        DirectoryFacts.NOT_JOINED);
  }

  private static TimeFacts rightClock() {
    return new TimeFacts(NOW, NOW, Duration.ofHours(1));
  }

  @Test
  void anExpiredEvaluationWithAClockSetBackListsBothTheBlockingOneFirst() {
    TimeFacts setBack = new TimeFacts(NOW.minus(Duration.ofHours(5)), NOW, Duration.ofHours(1));
    List<Finding> found =
        Diagnosis.findings(
            facts(evaluation("Notification", ErrorCode.VALIDITY_PERIOD_EXPIRED), setBack));
    assertThat(found)
        .extracting(Finding::code)
        .containsExactly(ErrorCode.VALIDITY_PERIOD_EXPIRED, ErrorCode.INVALID_TIMESTAMP);
    assertThat(found.get(0).severity()).isEqualTo(Severity.BLOCKING);
    assertThat(found.get(0).commands())
        .containsExactly(
            "keyward dism /online /Set-Edition:ServerStandard /ProductKey:KEY /AcceptEula",
            "keyward restart",
            "keyward slmgr /ato");
    assertThat(found.get(1).facts()).anyMatch(f -> f.contains("300 minutes behind"));
  }

  @Test
  void aRunningEvaluationFarFromItsEndHasNoFinding() {
    ProductFacts running = evaluation("ExtendedGrace", ErrorCode.EVALUATION_RUNNING);
    assertThat(Diagnosis.findings(facts(running, rightClock()))).isEmpty();
  }

  @Test
  void aRefusedDatacenterKeyOnAnEvaluationConvertsToDatacenter() {
    LastFailure refused =
        new LastFailure(
            "KeyRefused",
            ErrorCode.NOT_SUPPORTED,
            NOW,
            Optional.of("ABCDE"),
            Optional.of("2019"),
            Optional.of("ServerDatacenter"),
            Optional.of("RETAIL"));
    Facts f =
        new Facts(
            evaluation("ExtendedGrace", ErrorCode.EVALUATION_RUNNING),
            Optional.empty(),
            rightClock(),
            Optional.empty(),
            Optional.empty(),
            Optional.of(refused),
            Optional.empty(),
            DirectoryFacts.NOT_JOINED);
    Finding first = Diagnosis.findings(f).get(0);
    assertThat(first.code()).isEqualTo(ErrorCode.NOT_SUPPORTED);
    assertThat(first.commands().get(0)).contains("/Set-Edition:ServerDatacenter");
    assertThat(first.facts()).anyMatch(x -> x.contains("ABCDE"));
  }

  @Test
  void aMoveKeepingUuidAndSerialWouldHaveStayedWithinTolerance() {
    ProductFacts p =
        new ProductFacts(
            "winserver",
            "Windows Server",
            "2019",
            "ServerStandard",
            false,
            Optional.empty(),
            5,
            Optional.of("OEM"),
            Optional.of("P29DG"),
            "AdditionalGrace",
            Optional.of(ErrorCode.OUT_OF_TOLERANCE),
            Optional.of(4320L),
            Optional.empty(),
            List.of("ServerDatacenter"));
    HardwareDrift drift =
        new HardwareDrift(List.of("uuid", "serial", "controller", "nic", "display"), 5, 3, 3);
    Facts f =
        new Facts(
            p,
            Optional.of(drift),
            rightClock(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            DirectoryFacts.NOT_JOINED);
    Finding first = Diagnosis.findings(f).get(0);
    assertThat(first.code()).isEqualTo(ErrorCode.OUT_OF_TOLERANCE);
    assertThat(first.facts().get(0)).contains("5 of 10 components").contains("2 past it");
    assertThat(first.commands()).containsExactly("keyward slmgr /ipk KEY", "keyward slmgr /ato");
    assertThat(first.orElse().get(0)).startsWith("system: ").contains("qm set VMID --smbios1");
  }

  @Test
  void everyCheckNamesACatalogueCodeAndASeedSituation() {
    assertThat(Diagnosis.CHECKS).hasSizeGreaterThanOrEqualTo(17);
    assertThat(Diagnosis.CHECKS).allSatisfy(c -> assertThat(c.seed()).isNotBlank());
    assertThat(Diagnosis.CHECKS)
        .extracting(Check::code)
        .contains(
            ErrorCode.VALIDITY_PERIOD_EXPIRED,
            ErrorCode.NOT_SUPPORTED,
            ErrorCode.INVALID_PRODUCT_KEY,
            ErrorCode.PKEY_INVALID_CONFIG,
            ErrorCode.OUT_OF_TOLERANCE,
            ErrorCode.MAXIMUM_UNLOCK_EXCEEDED,
            ErrorCode.MAK_LIMIT_EXCEEDED,
            ErrorCode.DNS_NAME_DOES_NOT_EXIST,
            ErrorCode.VOLUME_HOST_UNAVAILABLE,
            ErrorCode.VOLUME_NOT_ENOUGH_COUNT,
            ErrorCode.INVALID_TIMESTAMP,
            ErrorCode.REARM_LIMIT_EXCEEDED,
            ErrorCode.STORE_TAMPERED);
  }
}
