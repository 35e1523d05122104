package dev.keyward.lab.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.lab.run.Checks.Mismatch;
import dev.keyward.lab.run.Checks.Outcome;
import dev.keyward.lab.scenario.Expectation;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChecksTest {
  private static Expectation expect(Object... pairs) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put((String) pairs[i], pairs[i + 1]);
    }
    return new Expectation(m);
  }

  private static Outcome ok(Map<String, Object> json, String text) {
    return new Outcome(0, Optional.empty(), "", json, text);
  }

  private static Outcome failed(String code) {
    return new Outcome(1, Optional.of(code), "it was refused", null, "Error: " + code);
  }

  @Test
  void fieldsCompareAsTheJsonShowsThem() {
    Map<String, Object> json = new HashMap<>();
    json.put("licenseStatus", "Notification");
    json.put("reason", "0xC004FC07");
    json.put("remainingMinutes", 14400);
    json.put("expires", null);
    json.put("enforcement", Map.of("shutdownEveryMinutes", 60, "warning", true));
    json.put("targetEditions", List.of("ServerStandard", "ServerDatacenter"));
    json.put("version", "2019");
    assertThat(
            Checks.check(
                expect(
                    "licenseStatus",
                    "Notification",
                    "reason",
                    "0xc004fc07",
                    "remainingMinutes",
                    14400L,
                    "expires",
                    null,
                    "enforcement.shutdownEveryMinutes",
                    60L,
                    "enforcement.warning",
                    true,
                    "targetEditions.1",
                    "ServerDatacenter",
                    "version",
                    "2019"),
                ok(json, "")))
        .isEmpty();
    List<Mismatch> wrong =
        Checks.check(
            expect("licenseStatus", "Licensed", "expires", "2026", "missing", 1L, "version", 2019L),
            ok(json, ""));
    assertThat(wrong)
        .extracting(Mismatch::what)
        .containsExactly("licenseStatus", "expires", "missing"); // version: 2019 matches "2019"
    assertThat(wrong.get(0).expected()).isEqualTo("Licensed");
    assertThat(wrong.get(0).actual()).isEqualTo("Notification");
    assertThat(wrong.get(2).actual()).contains("no such field");
  }

  @Test
  void dotsReachNestedFieldsAndListPositions() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("volumeHost", Map.of("count", 5, "families", List.of(Map.of("threshold", 5))));
    json.put(
        "findings",
        List.of(Map.of("code", "0xC004F038", "count", 4), Map.of("code", "0xC004F074")));
    assertThat(
            Checks.check(
                expect(
                    "volumeHost.count",
                    5L,
                    "volumeHost.families.0.threshold",
                    5L,
                    "findings.0.code",
                    "0xc004f038",
                    "findings.1.code",
                    "0xC004F074"),
                ok(json, "")))
        .isEmpty();
    assertThat(
            Checks.check(
                expect(
                    "volumeHost.count",
                    4L,
                    "findings.2.code",
                    "x",
                    "findings.first.code",
                    "x",
                    "volumeHost.count.more",
                    1L),
                ok(json, "")))
        .extracting(m -> m.what() + " " + m.actual())
        .containsExactly(
            "volumeHost.count 5",
            "findings.2.code no such field in the --json answer",
            "findings.first.code no such field in the --json answer",
            "volumeHost.count.more no such field in the --json answer");
  }

  @Test
  void errorOkAndOutput() {
    assertThat(Checks.check(expect("error", "0x80070032"), failed("0x80070032"))).isEmpty();
    assertThat(Checks.check(expect("error", "0x80070032"), failed("0xC004FC07")))
        .singleElement()
        .satisfies(m -> assertThat(m.actual()).contains("0xC004FC07").contains("it was refused"));
    assertThat(Checks.check(expect("error", "0x80070032"), ok(Map.of(), "done")))
        .singleElement()
        .satisfies(m -> assertThat(m.actual()).contains("succeeded"));
    assertThat(Checks.check(expect("ok", false), failed("0xC004C008"))).isEmpty();
    assertThat(Checks.check(expect("ok", true), failed("0xC004C008"))).hasSize(1);
    assertThat(
            Checks.check(
                expect("output", "permanently"), ok(null, "The machine is permanently activated.")))
        .isEmpty();
    assertThat(Checks.check(expect("output", "licensed"), ok(null, "Unlicensed")))
        .isEmpty(); // a substring, case and all
    assertThat(Checks.check(expect("output", "expires"), ok(null, "permanent"))).hasSize(1);
  }

  @Test
  void aStepWithoutErrorOrOkExpectsSuccess() {
    assertThat(Checks.check(Expectation.NONE, ok(Map.of(), ""))).isEmpty();
    assertThat(Checks.check(Expectation.NONE, failed("0xC004C008")))
        .singleElement()
        .satisfies(m -> assertThat(m.what()).isEqualTo("ok"));
    assertThat(Checks.check(expect("licenseStatus", "Licensed"), failed("0xC004C008")))
        .extracting(Mismatch::what)
        .containsExactly("ok", "licenseStatus");
  }

  @Test
  void theVirtualClockOnlyMovesForward() {
    VirtualClock clock = new VirtualClock(LabRunner.START);
    assertThat(clock.advance(java.time.Duration.ofDays(181)))
        .isEqualTo(LabRunner.START.plus(java.time.Duration.ofDays(181)));
    assertThat(clock.withZone(java.time.ZoneId.of("Europe/Paris"))).isSameAs(clock);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> clock.advance(java.time.Duration.ofMinutes(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
