package dev.keyward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.authority.AuthorityConfig;
import dev.keyward.authority.AuthorityServer;
import dev.keyward.core.hardware.Component;
import dev.keyward.core.hardware.MachineFile;
import dev.keyward.core.hardware.MachineFileReading;
import dev.keyward.machines.LabProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** keyward lab: failures name the step, the expected and the actual; the machine files. */
class LabCliTest {
  @TempDir Path dir;

  private CliRunner cli() {
    return new CliRunner(dir, Map.of(), Clock.systemUTC());
  }

  private static final String ONE_WRONG =
      """
      name: one wrong expectation
      keys:
        std2019: {version: "2019", edition: ServerStandard, channel: RETAIL}
      machines:
        srv1: {profile: vmware-vm, version: "2019", edition: ServerStandardEval}
      steps:
        - {on: srv1, run: "slmgr /ipk {std2019}", expect: {error: "0x80070032"}}
        - {advance: 179d}
        - {on: srv1, run: "slmgr /dli", expect: {licenseStatus: Notification, reason: "0x4004FC04"}}
        - {on: srv1, run: "slmgr /rearm", expect: {rearmRemaining: 4}}
        - {on: srv1, run: "slui 4", pending: "phone activation is not built on this branch"}
      """;

  @Test
  void aWrongExpectationFailsNamingTheStepTheExpectedAndTheActual() throws Exception {
    Files.writeString(dir.resolve("wrong.yaml"), ONE_WRONG);
    CliRunner.Result r = cli().run("lab", "run", "wrong.yaml");
    assertThat(r.exit()).as(r.toString()).isEqualTo(KeywardCli.REFUSED);
    // the transcript reads like the console, the failure is named where it happens and at the end
    assertThat(r.out())
        .contains("srv1> slmgr /ipk ")
        .contains("Error: 0x80070032 ERROR_NOT_SUPPORTED")
        .contains("-- advance 179d")
        .contains("[FAIL] wrong.yaml:9")
        .contains("-- PENDING wrong.yaml:11 srv1> slui 4")
        .contains("(phone activation is not built on this branch)");
    assertThat(r.out().substring(r.out().indexOf("Failed steps:")))
        .contains("wrong.yaml:9  srv1> slmgr /dli")
        .contains("licenseStatus: expected Notification")
        .contains("actual   ExtendedGrace")
        .doesNotContain("reason:");
    assertThat(r.out()).contains("lab: 1 scenario(s), 3 step(s) passed, 1 failed, 1 pending");
    assertThat(r.out() + r.err()).doesNotContain("\tat ");

    CliRunner.Result json = cli().run("--json", "lab", "run", "wrong.yaml");
    assertThat(json.exit()).isEqualTo(KeywardCli.REFUSED);
    Map<String, Object> summary = json.json();
    assertThat(summary)
        .containsEntry("ok", false)
        .containsEntry("failed", 1)
        .containsEntry("pending", 1);
    assertThat(json.out()).contains("\"field\":\"licenseStatus\"").contains("\"line\":9");
  }

  @Test
  void anInvalidScenarioIsRefusedWithItsLines() throws Exception {
    Files.writeString(
        dir.resolve("bad.yaml"),
        ONE_WRONG.replace("advance: 179d", "advance: soon").replace("vmware-vm", "vmware"));
    CliRunner.Result r = cli().run("lab", "run", "bad.yaml");
    assertThat(r.exit()).isEqualTo(KeywardCli.REFUSED);
    assertThat(r.out())
        .contains("0xC0DE0009")
        .contains("bad.yaml:5")
        .contains("unknown profile 'vmware'")
        .contains("bad.yaml:8")
        .contains("not a duration");
  }

  @Test
  void labNewWritesAScenarioThatPasses() {
    CliRunner.Result written = cli().run("lab", "new", "-o", "example.yaml");
    assertThat(written.exit()).as(written.toString()).isZero();
    CliRunner.Result run = cli().run("lab", "run", "example.yaml");
    assertThat(run.exit()).as(run.out()).isZero();
    assertThat(run.out()).contains("0 failed").contains("1 pending");
    assertThat(cli().run("lab", "new").out()).startsWith("# A Keyward lab scenario");
  }

  @Test
  void machineFilesAreMadeAndMovedAsSeed001Describes() throws Exception {
    CliRunner.Result made =
        cli().run("lab", "machine", "new", "--profile", "vmware-vm", "-o", "m.yaml");
    assertThat(made.exit()).as(made.toString()).isZero();
    var before =
        (MachineFileReading.Loaded)
            MachineFile.read(Files.readString(dir.resolve("m.yaml")), "m.yaml", LabProfile.names());
    assertThat(before.file().profile().flatMap(LabProfile::byName)).contains(LabProfile.VMWARE_VM);
    assertThat(before.file().facts().simulated()).isTrue();

    CliRunner.Result moved =
        cli()
            .run(
                "--json",
                "lab",
                "machine",
                "migrate",
                "m.yaml",
                "--to",
                "proxmox-vm",
                "--keep",
                "uuid,serial");
    assertThat(moved.exit()).as(moved.toString()).isZero();
    assertThat(moved.json())
        .containsEntry("from", "vmware-vm")
        .containsEntry("to", "proxmox-vm")
        .containsEntry("changed", List.of("controller", "nic", "display"));
    var after =
        (MachineFileReading.Loaded)
            MachineFile.read(Files.readString(dir.resolve("m.yaml")), "m.yaml", LabProfile.names());
    assertThat(after.file().profile().flatMap(LabProfile::byName)).contains(LabProfile.PROXMOX_VM);
    assertThat(after.file().facts().component(Component.UUID))
        .isEqualTo(before.file().facts().component(Component.UUID));

    CliRunner.Result all =
        cli().run("lab", "machine", "migrate", "m.yaml", "--to", "vmware-vm", "-o", "back.yaml");
    assertThat(all.out()).contains("changed uuid, serial, controller, nic, display");
    assertThat(cli().run("lab", "machine", "new", "--profile", "vmware").err())
        .contains("physical-server");
  }

  @Test
  void aProductionAuthorityRefusesSimulatedMachinesWithAClearError() throws Exception {
    try (AuthorityServer production =
        AuthorityServer.start(
            AuthorityConfig.builder()
                .dataDir(dir.resolve("production"))
                .port(0)
                .bind("127.0.0.1")
                .catalog("builtin:winserver")
                .noRateLimits()
                .build())) {
      CliRunner cli = cli();
      CliRunner.Result issued =
          cli.run(
              "admin",
              "--authority",
              production.uri().toString(),
              "--token",
              production.adminToken(),
              "keys",
              "issue",
              "--version",
              "2022",
              "--edition",
              "ServerStandard",
              "--channel",
              "RETAIL");
      String key = issued.out().strip();
      assertThat(
              cli.run("lab", "machine", "new", "--profile", "physical-server", "-o", "lab.yaml")
                  .exit())
          .isZero();
      String[] g = {
        "--store",
        "store",
        "--machine",
        "lab.yaml",
        "--authority",
        production.uri().toString(),
        "--trust",
        production.dataDir().resolve("trust.json").toString()
      };
      assertThat(
              cli.run(
                      concat(
                          g,
                          "init",
                          "--product",
                          "winserver",
                          "--version",
                          "2022",
                          "--edition",
                          "ServerStandard"))
                  .exit())
          .isZero();
      assertThat(cli.run(concat(g, "slmgr", "/ipk", key)).exit()).isZero();

      CliRunner.Result text = cli.run(concat(g, "slmgr", "/ato"));
      assertThat(text.exit()).isEqualTo(KeywardCli.REFUSED);
      assertThat(text.err())
          .contains("Error: 0xC0DE0002 KW_E_SIMULATED_MACHINE_REFUSED")
          .contains("simulated lab machine")
          .contains("--allow-simulated-machines")
          .doesNotContain("\tat ");
      CliRunner.Result json = cli.run(concat(g, "--json", "slmgr", "/ato"));
      assertThat(json.errorCode()).contains("0xC0DE0002");
      assertThat(cli.run(concat(g, "--json", "slmgr", "/dli")).json())
          .containsEntry("licenseStatus", "InitialGrace");
    }
  }

  private static String[] concat(String[] a, String... b) {
    String[] all = new String[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
