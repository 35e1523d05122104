package dev.keyward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.authority.AuthorityConfig;
import dev.keyward.authority.AuthorityServer;
import dev.keyward.core.hardware.MachineFile;
import dev.keyward.core.time.MutableClock;
import dev.keyward.machines.LabProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
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

  private final AtomicInteger machines = new AtomicInteger();
  private AuthorityServer authority;
  private CliRunner cli;

  @BeforeAll
  void start() {
    authority =
        AuthorityServer.start(
            AuthorityConfig.builder()
                .dataDir(dir.resolve("authority"))
                .port(0)
                .bind("127.0.0.1")
                .catalog("builtin:winserver")
                .allowSimulatedMachines(true)
                .noRateLimits()
                .clock(clock)
                .build());
    cli = new CliRunner(dir, Map.of(), clock);
  }

  @AfterAll
  void stop() {
    authority.close();
  }

  private String issue(String version, String edition, String channel) {
    CliRunner.Result r =
        cli.run(
            "admin",
            "--authority",
            authority.uri().toString(),
            "--token",
            authority.adminToken(),
            "keys",
            "issue",
            "--version",
            version,
            "--edition",
            edition,
            "--channel",
            channel);
    assertThat(r.exit()).as(r.toString()).isZero();
    return r.out().strip();
  }

  private final class Machine {
    final String[] global;

    Machine(String version, String edition) {
      int n = machines.incrementAndGet();
      Path file = dir.resolve("dism-machine-" + n + ".yaml");
      try {
        Files.writeString(
            file,
            MachineFile.write(LabProfile.VMWARE_VM.newMachine(new Random(n)), Optional.empty()));
      } catch (IOException e) {
        throw new AssertionError(e);
      }
      global =
          new String[] {
            "--store",
            dir.resolve("dism-store-" + n).toString(),
            "--machine",
            file.toString(),
            "--authority",
            authority.uri().toString(),
            "--trust",
            authority.dataDir().resolve("trust.json").toString()
          };
      ok("init", "--product", "winserver", "--version", version, "--edition", edition);
    }

    CliRunner.Result run(String... args) {
      List<String> all = new ArrayList<>(List.of(global));
      all.addAll(List.of(args));
      CliRunner.Result r = cli.run(all.toArray(String[]::new));
      assertThat(r.out() + r.err()).as("no stack trace").doesNotContain("\tat ");
      return r;
    }

    CliRunner.Result ok(String... args) {
      CliRunner.Result r = run(args);
      assertThat(r.exit()).as(r.toString()).isZero();
      return r;
    }

    Map<String, Object> json(String... args) {
      List<String> all = new ArrayList<>(List.of("--json"));
      all.addAll(List.of(args));
      return ok(all.toArray(String[]::new)).json();
    }

    void fails(String code, String... args) {
      List<String> all = new ArrayList<>(List.of("--json"));
      all.addAll(List.of(args));
      CliRunner.Result r = run(all.toArray(String[]::new));
      // a command line DISM does not take is a usage mistake (exit 2), anything else a refusal
      int exit = code.equals("0xC0DE000B") ? KeywardCli.USAGE : KeywardCli.REFUSED;
      assertThat(r.exit()).as(r.toString()).isEqualTo(exit);
      assertThat(r.errorCode()).as(r.toString()).contains(code);
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void seed000ExpiredEvaluationConvertedAtRestartThenActivated() {
    String std = issue("2019", "ServerStandard", "RETAIL");
    String dc = issue("2019", "ServerDatacenter", "RETAIL");
    Machine m = new Machine("2019", "ServerStandardEval");
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
    String std = issue("2022", "ServerStandard", "RETAIL");
    String dc = issue("2022", "ServerDatacenter", "VOLUME_MAK");
    Machine m = new Machine("2022", "ServerDatacenterEval");
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
    String std = issue("2019", "ServerStandard", "RETAIL");
    Machine m = new Machine("2019", "ServerDatacenter");
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

  private CliRunner.Result admin(String... args) {
    List<String> all =
        new ArrayList<>(
            List.of(
                "admin",
                "--authority",
                authority.uri().toString(),
                "--token",
                authority.adminToken()));
    all.addAll(List.of(args));
    return cli.run(all.toArray(String[]::new));
  }

  @Test
  void seed000DowngradeKeyActivatesTheEarlierVersionAndKeysShowLinksIt() {
    String key2022 = issue("2022", "ServerStandard", "RETAIL");
    Machine m = new Machine("2019", "ServerStandard");
    m.fails("0xC004E016", "slmgr", "/ipk", key2022);
    CliRunner.Result r =
        admin("keys", "downgrade", key2022, "--version", "2019", "--reason", "seed 000");
    assertThat(r.exit()).as(r.toString()).isZero();
    String key2019 = r.out().lines().findFirst().orElseThrow();
    assertThat(key2019).matches("[A-Z0-9]{5}(-[A-Z0-9]{5}){4}");
    assertThat(r.out()).contains("version: 2019").contains("downgradeOf: {");
    m.ok("slmgr", "/ipk", key2019);
    m.ok("slmgr", "/ato");
    CliRunner.Result show = admin("keys", "show", key2019);
    assertThat(show.out()).contains("downgradeOf: {").contains("version=2022");
    CliRunner.Result later = admin("keys", "downgrade", key2022, "--version", "2025");
    assertThat(later.exit()).isEqualTo(KeywardCli.REFUSED);
    assertThat(later.err()).contains("0xC0DE0011 KW_E_DOWNGRADE_NOT_ALLOWED");
    CliRunner.Result laterJson =
        cli.run(
            "--json",
            "admin",
            "--authority",
            authority.uri().toString(),
            "--token",
            authority.adminToken(),
            "keys",
            "downgrade",
            key2022,
            "--version",
            "2025");
    assertThat(laterJson.errorCode()).contains("0xC0DE0011");
  }

  @Test
  void rearmRestartsTheEvaluationUpToTheLimit() {
    Machine m = new Machine("2022", "ServerStandardEval");
    for (int i = 4; i >= 0; i--) {
      assertThat(m.json("slmgr", "/rearm")).containsEntry("rearmRemaining", i);
    }
    m.fails("0xC004D307", "slmgr", "/rearm");
    assertThat(m.ok("slmgr", "/xpr").out()).contains("Remaining rearm count: 0");
  }
}
