package dev.keyward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.core.time.MutableClock;
import dev.keyward.machines.LabProfile;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Evaluation editions and {@code keyward dism} as the seeds use them (000, 002): against a real
 * authority, with one clock for the authority and the machines that the test moves.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DismCliTest {
  @TempDir static Path dir;

  /** One clock for everyone; each machine keeps its own store, so time only moves forward. */
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T09:00:00Z"));

  private Site site;

  @BeforeAll
  void start() {
    site = new Site(dir, 2032, clock);
  }

  @AfterAll
  void stop() {
    site.close();
  }

  /** A VMware machine of the site, initialised with {@code version} and {@code edition}. */
  private SiteMachine machine(String version, String edition) {
    return site.machine(LabProfile.VMWARE_VM).init(version, edition);
  }

  @Test
  @SuppressWarnings("unchecked")
  void seed000ExpiredEvaluationConvertedAtRestartThenActivated() {
    String std = site.issue("2019", "ServerStandard", "RETAIL");
    String dc = site.issue("2019", "ServerDatacenter", "RETAIL");
    SiteMachine m = machine("2019", "ServerStandardEval");
    String end = Printer.date(clock.instant().plus(Duration.ofDays(180)));
    m.fails("0x80070032", "slmgr", "/ipk", std);
    clock.advance(Duration.ofDays(181));
    m.fails("0xC004FC07", "slmgr", "/ipk", std);
    m.fails("0xC004FC07", "slmgr", "/ato");

    Map<String, Object> dli = m.json("slmgr", "/dli");
    assertThat(dli)
        .containsEntry("licenseStatus", "Notification")
        .containsEntry("reason", "0xC004FC07")
        .containsEntry("edition", "ServerStandardEval");
    assertThat((Map<Object, Object>) dli.get("enforcement"))
        .containsEntry("warning", true)
        .containsEntry("shutdownEveryMinutes", 60);
    assertThat(m.ok("slmgr", "/dli").out())
        .contains("Notification Reason: 0xC004FC07")
        .contains("shuts down every 60 minutes");
    assertThat(m.ok("slmgr", "/xpr").out())
        .contains("Evaluation End Date: " + end)
        .contains("Remaining rearm count: 5");
    assertThat(m.ok("slmgr", "/dlv").out()).contains("Evaluation End Date: " + end);

    CliRunner.Result current = m.ok("dism", "/online", "/Get-CurrentEdition");
    assertThat(current.out())
        .startsWith("Deployment Image Servicing and Management tool")
        .contains("Current Edition : ServerStandardEval")
        .endsWith("The operation completed successfully.\n");
    assertThat(m.json("dism", "/online", "/get-targeteditions").get("targetEditions"))
        .isEqualTo(List.of("ServerStandard", "ServerDatacenter"));

    // the Datacenter key does not fit Standard; the EULA must be accepted
    m.fails(
        "0xC004F050",
        "dism",
        "/online",
        "/Set-Edition:ServerStandard",
        "/ProductKey:" + dc,
        "/AcceptEula");
    m.fails("0xC0DE0010", "dism", "/online", "/Set-Edition:ServerStandard", "/ProductKey:" + std);
    m.fails(
        "0xC0DE0004",
        "dism",
        "/online",
        "/Set-Edition:ServerStandardCor",
        "/ProductKey:" + std,
        "/AcceptEula");

    CliRunner.Result set =
        m.ok("DISM", "/Online", "/set-edition:serverstandard", "/productkey:" + std, "/accepteula");
    assertThat(set.out())
        .contains("Finished installing product key.")
        .contains("The operation completed successfully.")
        .contains("keyward restart");
    assertThat(m.json("slmgr", "/dli"))
        .containsEntry("edition", "ServerStandardEval")
        .containsEntry("pendingEdition", "ServerStandard");
    assertThat(m.ok("dism", "/online", "/Get-CurrentEdition").out())
        .contains("Pending Edition : ServerStandard");
    m.fails(
        "0x800F082F",
        "dism",
        "/online",
        "/Set-Edition:ServerDatacenter",
        "/ProductKey:" + dc,
        "/AcceptEula");

    Map<String, Object> restarted = m.json("restart");
    assertThat(restarted)
        .containsEntry("edition", "ServerStandard")
        .containsEntry("licenseStatus", "InitialGrace")
        .containsEntry("remainingMinutes", 14400)
        .containsEntry("channel", "RETAIL")
        .containsEntry("partialProductKey", std.substring(24))
        .containsEntry("evaluationEndDate", null);
    assertThat(m.json("restart")).containsEntry("pending", false);

    m.ok("slmgr", "/ato");
    assertThat(m.json("slmgr", "/xpr"))
        .containsEntry("licenseStatus", "Licensed")
        .containsEntry("expires", null);
  }

  @Test
  void seed002EvaluationDatacenterConvertsToDatacenterOnlyAndTheGraceEndsInNotification() {
    String std = site.issue("2022", "ServerStandard", "RETAIL");
    String dc = site.issue("2022", "ServerDatacenter", "VOLUME_MAK");
    SiteMachine m = machine("2022", "ServerDatacenterEval");
    assertThat(m.json("dism", "/online", "/Get-TargetEditions").get("targetEditions"))
        .isEqualTo(List.of("ServerDatacenter"));
    m.fails("0x80070032", "slmgr", "/ipk", dc);
    m.fails(
        "0xC0DE0004",
        "dism",
        "/online",
        "/Set-Edition:ServerStandard",
        "/ProductKey:" + std,
        "/AcceptEula");
    m.ok("dism", "/online", "/Set-Edition:ServerDatacenter", "/ProductKey:" + dc, "/AcceptEula");
    m.ok("restart");
    clock.advance(Duration.ofDays(10).minusMinutes(1));
    assertThat(m.json("slmgr", "/dli"))
        .containsEntry("licenseStatus", "InitialGrace")
        .containsEntry("remainingMinutes", 1);
    clock.advance(Duration.ofMinutes(2));
    assertThat(m.json("slmgr", "/dli"))
        .containsEntry("licenseStatus", "Notification")
        .containsEntry("reason", "0xC004F009");
    m.ok("slmgr", "/ato");
    assertThat(m.json("slmgr", "/dli"))
        .containsEntry("licenseStatus", "Licensed")
        .containsEntry("channel", "VOLUME_MAK");
  }

  @Test
  void datacenterNeverGoesBackToStandardAndDismChecksItsCommandLine() {
    String std = site.issue("2019", "ServerStandard", "RETAIL");
    SiteMachine m = machine("2019", "ServerDatacenter");
    assertThat(m.ok("dism", "/online", "/Get-TargetEditions").out())
        .contains("(none: ServerDatacenter converts to no other edition)");
    m.fails(
        "0xC0DE0004",
        "dism",
        "/online",
        "/Set-Edition:ServerStandard",
        "/ProductKey:" + std,
        "/AcceptEula");
    m.fails("0xC0DE000B", "dism", "/Get-CurrentEdition");
    m.fails("0xC0DE000B", "dism", "/online", "/Get-CurrentEdition", "/Get-TargetEditions");
    m.fails("0xC0DE000B", "dism", "/online", "/Set-Edition:ServerDatacenter", "/AcceptEula");
    m.fails("0xC0DE000B", "dism", "/online", "/Cleanup-Image");
    CliRunner.Result text =
        m.run("dism", "/online", "/Set-Edition:ServerStandard", "/ProductKey:" + std);
    assertThat(text.exit()).isEqualTo(KeywardCli.REFUSED);
    assertThat(text.err()).contains("Error: 0xC0DE0010 KW_E_EULA_NOT_ACCEPTED").contains("Remedy:");
    assertThat(m.ok("dism", "/?").out()).contains("/Set-Edition:ID /ProductKey:KEY /AcceptEula");
  }

  @Test
  void seed000DowngradeKeyActivatesTheEarlierVersionAndKeysShowLinksIt() {
    String key2022 = site.issue("2022", "ServerStandard", "RETAIL");
    SiteMachine m = machine("2019", "ServerStandard");
    m.fails("0xC004E016", "slmgr", "/ipk", key2022);
    CliRunner.Result r =
        site.adminRun(
            null, "keys", "downgrade", key2022, "--version", "2019", "--reason", "seed 000");
    assertThat(r.exit()).as(r.toString()).isZero();
    String key2019 = r.out().lines().findFirst().orElseThrow();
    assertThat(key2019).matches("[A-Z0-9]{5}(-[A-Z0-9]{5}){4}");
    assertThat(r.out()).contains("version: 2019").contains("downgradeOf: {");
    m.ok("slmgr", "/ipk", key2019);
    m.ok("slmgr", "/ato");
    CliRunner.Result show = site.adminRun(null, "keys", "show", key2019);
    assertThat(show.out()).contains("downgradeOf: {").contains("version=2022");
    CliRunner.Result later = site.adminRun(null, "keys", "downgrade", key2022, "--version", "2025");
    assertThat(later.exit()).isEqualTo(KeywardCli.REFUSED);
    assertThat(later.err()).contains("0xC0DE0011 KW_E_DOWNGRADE_NOT_ALLOWED");
    site.adminFails("0xC0DE0011", null, "keys", "downgrade", key2022, "--version", "2025");
  }

  @Test
  void rearmRestartsTheEvaluationUpToTheLimit() {
    SiteMachine m = machine("2022", "ServerStandardEval");
    for (int i = 4; i >= 0; i--) {
      assertThat(m.json("slmgr", "/rearm")).containsEntry("rearmRemaining", i);
    }
    m.fails("0xC004D307", "slmgr", "/rearm");
    assertThat(m.ok("slmgr", "/xpr").out()).contains("Remaining rearm count: 0");
  }
}
