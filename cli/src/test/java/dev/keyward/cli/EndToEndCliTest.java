package dev.keyward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.authority.AuthorityConfig;
import dev.keyward.authority.AuthorityServer;
import dev.keyward.core.hardware.Component;
import dev.keyward.core.hardware.MachineFacts;
import dev.keyward.core.hardware.MachineFile;
import dev.keyward.machines.LabProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
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
 * The acceptance scenarios, run as an administrator would: the keyward command in-process against a
 * real authority on a random port, with lab machines from machine files.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EndToEndCliTest {
  @TempDir static Path dir;
  private AuthorityServer authority;
  private CliRunner cli;
  private final AtomicInteger machines = new AtomicInteger();
  private final Random random = new Random(2026);

  @BeforeAll
  void startAuthority() {
    Clock clock = Clock.systemUTC(); // the authority and the machines share one clock: no skew
    authority =
        AuthorityServer.start(
            AuthorityConfig.builder()
                .dataDir(dir.resolve("authority-data"))
                .port(0)
                .bind("127.0.0.1")
                .jdbcUrl(Optional.empty())
                .catalog("builtin:winserver")
                .allowSimulatedMachines(true)
                .noRateLimits()
                .clock(clock)
                .build());
    cli = new CliRunner(dir, Map.of(), clock);
  }

  @AfterAll
  void stopAuthority() {
    authority.close();
  }

  /** A lab machine: its machine file and its own store. */
  private final class Machine {
    final Path file;
    final Path store;
    MachineFacts facts;

    Machine(LabProfile profile) {
      int n = machines.incrementAndGet();
      file = dir.resolve("machine-" + n + ".yaml");
      store = dir.resolve("store-" + n);
      facts = profile.newMachine(random);
      write();
    }

    void write() {
      try {
        Files.writeString(file, MachineFile.write(facts, Optional.empty()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    void migrate(LabProfile to, Component... keep) {
      EnumSet<Component> kept = EnumSet.noneOf(Component.class);
      kept.addAll(Arrays.asList(keep));
      facts = LabProfile.migrate(facts, to, kept, random);
      write();
    }

    CliRunner.Result run(String... args) {
      List<String> all =
          new ArrayList<>(
              List.of(
                  "--store",
                  store.toString(),
                  "--machine",
                  file.toString(),
                  "--authority",
                  authority.uri().toString(),
                  // the vendor's keys: what an installer records (init --trust) or ships
                  "--trust",
                  authority.dataDir().resolve("trust.json").toString()));
      all.addAll(List.of(args));
      CliRunner.Result r = cli.run(all.toArray(String[]::new));
      assertThat(r.out() + r.err()).as("no stack trace").doesNotContain("\tat ");
      return r;
    }

    Machine init(String version, String edition) {
      assertThat(
              run("init", "--product", "winserver", "--version", version, "--edition", edition)
                  .exit())
          .isZero();
      return this;
    }

    CliRunner.Result ok(String... args) {
      CliRunner.Result r = run(args);
      assertThat(r.exit()).as(r.toString()).isZero();
      return r;
    }

    /** Runs with --json and expects the error code, exit status 1 and nothing on stderr. */
    CliRunner.Result fails(String code, String... args) {
      List<String> all = new ArrayList<>(List.of("--json"));
      all.addAll(List.of(args));
      CliRunner.Result r = run(all.toArray(String[]::new));
      assertThat(r.exit()).as(r.toString()).isEqualTo(KeywardCli.REFUSED);
      assertThat(r.errorCode()).as(r.toString()).contains(code);
      assertThat(r.error()).containsKeys("name", "message", "remedy");
      return r;
    }

    Map<String, Object> dli() {
      return run("--json", "slmgr", "/dli").json();
    }
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
    CliRunner.Result r = cli.run(all.toArray(String[]::new));
    assertThat(r.exit()).as(r.toString()).isZero();
    return r;
  }

  private String issue(String version, String edition, String channel, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "keys", "issue", "--version", version, "--edition", edition, "--channel", channel));
    args.addAll(List.of(more));
    String out = admin(args.toArray(String[]::new)).out().strip();
    assertThat(out).matches("[A-Z0-9]{5}(-[A-Z0-9]{5}){4}");
    return out;
  }

  private Map<String, Object> keyRecord(String key) {
    CliRunner.Result r =
        cli.run(
            "--json",
            "admin",
            "--authority",
            authority.uri().toString(),
            "--token",
            authority.adminToken(),
            "keys",
            "show",
            key);
    assertThat(r.exit()).as(r.toString()).isZero();
    return r.json();
  }

  @Test
  void seed003RetailTransfer() {
    String key = issue("2022", "ServerStandard", "RETAIL");
    Machine a = new Machine(LabProfile.PHYSICAL_SERVER).init("2022", "ServerStandard");
    Machine b = new Machine(LabProfile.PHYSICAL_SERVER).init("2022", "ServerStandard");
    a.ok("slmgr", "/ipk", key);
    CliRunner.Result ato = a.ok("slmgr", "/ato");
    assertThat(ato.out()).contains("Product activated successfully");
    assertThat(a.dli()).containsEntry("licenseStatus", "Licensed");

    b.ok("slmgr", "/ipk", key);
    CliRunner.Result refused = b.fails("0xC004C008", "slmgr", "/ato");
    assertThat(refused.error().get("name")).isEqualTo("SL_E_CHPA_MAXIMUM_UNLOCK_EXCEEDED");
    CliRunner.Result text = b.run("slmgr", "/ato");
    assertThat(text.err()).contains("0xC004C008").contains("Remedy:");

    CliRunner.Result upk = a.ok("slmgr", "/upk");
    assertThat(upk.out()).contains("released at the authority");
    a.ok("slmgr", "/cpky");
    assertThat(a.dli())
        .containsEntry("licenseStatus", "Unlicensed")
        .containsEntry("reason", "0xC004F014");

    b.ok("slmgr", "/ato");
    Map<String, Object> xpr = b.run("--json", "slmgr", "/xpr").json();
    assertThat(xpr).containsEntry("licenseStatus", "Licensed").containsEntry("expires", null);
    assertThat(b.run("slmgr", "/xpr").out()).contains("permanently activated");
  }

  @Test
  void seed004TypoIsRefusedOfflineWithTheRealKeySuggested() {
    String key = issue("2019", "ServerStandard", "RETAIL");
    Machine m = new Machine(LabProfile.VMWARE_VM).init("2019", "ServerStandard");
    char c = key.charAt(8);
    String typo = key.substring(0, 8) + (c == 'B' ? '8' : 'B') + key.substring(9);
    // offline: an authority address where nothing listens
    CliRunner.Result r =
        cli.run(
            "--json",
            "--store",
            m.store.toString(),
            "--machine",
            m.file.toString(),
            "--authority",
            "http://127.0.0.1:9",
            "slmgr",
            "/ipk",
            typo);
    assertThat(r.exit()).isEqualTo(KeywardCli.REFUSED);
    assertThat(r.errorCode()).contains("0xC004F050");
    assertThat((String) r.error().get("message")).contains(key);
  }

  @Test
  void keysOfAnotherEditionOrVersion() {
    Machine std2022 = new Machine(LabProfile.HYPERV_VM).init("2022", "ServerStandard");
    CliRunner.Result dc =
        std2022.fails("0xC004F050", "slmgr", "/ipk", issue("2022", "ServerDatacenter", "RETAIL"));
    assertThat((String) dc.error().get("message")).contains("/Set-Edition:ServerDatacenter");

    Machine std2019 = new Machine(LabProfile.HYPERV_VM).init("2019", "ServerStandard");
    std2019.fails("0xC004E016", "slmgr", "/ipk", issue("2022", "ServerStandard", "RETAIL"));
  }

  @Test
  void makPoolOfThreeRefusesTheFourthMachine() {
    String mak = issue("2022", "ServerStandard", "VOLUME_MAK", "--pool", "3");
    for (int i = 0; i < 3; i++) {
      Machine m = new Machine(LabProfile.VMWARE_VM).init("2022", "ServerStandard");
      m.ok("slmgr", "/ipk", mak);
      m.ok("slmgr", "/ato");
    }
    Machine fourth = new Machine(LabProfile.VMWARE_VM).init("2022", "ServerStandard");
    fourth.ok("slmgr", "/ipk", mak);
    fourth.fails("0xC004C020", "slmgr", "/ato");
    assertThat(keyRecord(mak)).containsEntry("poolSize", 3).containsEntry("poolUsed", 3);
  }

  @Test
  void aBlockedKeyIsRefused() {
    String key = issue("2022", "ServerStandard", "RETAIL");
    admin("keys", "block", key, "--reason", "leaked");
    assertThat(keyRecord(key)).containsEntry("blocked", true);
    Machine m = new Machine(LabProfile.PROXMOX_VM).init("2022", "ServerStandard");
    m.ok("slmgr", "/ipk", key);
    m.fails("0xC004C003", "slmgr", "/ato");
  }

  @Test
  void anOemKeyNeedsTheMarker() {
    String key = issue("2022", "ServerStandard", "OEM");
    Machine m = new Machine(LabProfile.PROXMOX_VM).init("2022", "ServerStandard");
    m.ok("slmgr", "/ipk", key);
    m.fails("0xC004F035", "slmgr", "/ato");
  }

  @Test
  void reactivationWithinToleranceIsFree_outOfToleranceSpendsOne() {
    String mak = issue("2022", "ServerStandard", "VOLUME_MAK", "--pool", "5");
    Machine m = new Machine(LabProfile.VMWARE_VM).init("2022", "ServerStandard");
    m.ok("slmgr", "/ipk", mak);
    m.ok("slmgr", "/ato");
    assertThat(keyRecord(mak)).containsEntry("poolUsed", 1);

    // seed 001 keeping UUID and serial: three components change, still the same machine
    m.migrate(LabProfile.PROXMOX_VM, Component.UUID, Component.SERIAL);
    assertThat(m.dli()).containsEntry("licenseStatus", "Licensed");
    CliRunner.Result again = m.ok("slmgr", "/ato");
    assertThat(again.out()).contains("no count spent");
    assertThat(keyRecord(mak)).containsEntry("poolUsed", 1);

    // the full move: out of tolerance, additional grace, and a reactivation takes one
    m.migrate(LabProfile.HYPERV_VM);
    Map<String, Object> dli = m.dli();
    assertThat(dli)
        .containsEntry("licenseStatus", "AdditionalGrace")
        .containsEntry("reason", "0xC004F00F");
    m.ok("slmgr", "/ato");
    assertThat(m.dli()).containsEntry("licenseStatus", "Licensed");
    assertThat(keyRecord(mak)).containsEntry("poolUsed", 2);
  }

  @Test
  void aHandEditedStoreShowsNonGenuineGrace() throws IOException {
    String key = issue("2022", "ServerStandard", "RETAIL");
    Machine m = new Machine(LabProfile.PHYSICAL_SERVER).init("2022", "ServerStandard");
    m.ok("slmgr", "/ipk", key);
    m.ok("slmgr", "/ato");
    Path state = m.store.resolve("winserver").resolve("license.json");
    Files.writeString(
        state, Files.readString(state).replace("\"rearmCount\":0", "\"rearmCount\":9"));

    CliRunner.Result text = m.ok("slmgr", "/dli");
    assertThat(text.out()).contains("License Status: NonGenuineGrace").contains("0xC0DE0003");
    assertThat(m.dli())
        .containsEntry("licenseStatus", "NonGenuineGrace")
        .containsEntry("licenseStatusCode", 4)
        .containsEntry("reason", "0xC0DE0003");
    // reactivation (within tolerance, so free) repairs it
    m.ok("slmgr", "/ato");
    assertThat(m.dli()).containsEntry("licenseStatus", "Licensed");
  }

  @Test
  void jsonShapesAfterActivation() {
    String key = issue("2022", "ServerStandard", "RETAIL");
    Machine m = new Machine(LabProfile.HYPERV_VM).init("2022", "ServerStandard");
    assertThat(m.run("--json", "slmgr", "/ipk", key).json()).containsEntry("ok", true);
    Map<String, Object> ato = m.run("--json", "slmgr", "/ato").json();
    assertThat(ato).containsEntry("ok", true).containsEntry("licenseStatus", "Licensed");
    Map<String, Object> dli = m.dli();
    assertThat(dli)
        .containsKeys(
            "product",
            "version",
            "edition",
            "channel",
            "partialProductKey",
            "licenseStatus",
            "licenseStatusCode",
            "remainingMinutes",
            "reason",
            "expires",
            "rearmRemaining",
            "cmid")
        .containsEntry("licenseStatusCode", 1)
        .containsEntry("reason", null)
        .containsEntry("remainingMinutes", null)
        .containsEntry("partialProductKey", key.substring(key.length() - 5));
    Map<String, Object> dlv = m.run("--json", "slmgr", "/dlv").json();
    assertThat((String) dlv.get("activationId")).isNotBlank();
    assertThat((String) dlv.get("extendedPid")).doesNotContain(key.substring(0, 5));
  }

  @Test
  void adminSurface() {
    CliRunner.Result issued =
        admin(
            "keys",
            "issue",
            "--version",
            "2025",
            "--edition",
            "ServerDatacenter",
            "--channel",
            "RETAIL",
            "--count",
            "3",
            "--json");
    List<Object> keys =
        dev.keyward.core.json.Json.read(issued.out()).map(List.class::cast).orElseThrow();
    assertThat(keys).hasSize(3);
    @SuppressWarnings("unchecked")
    Map<String, Object> first = (Map<String, Object>) keys.get(0);
    String key = (String) first.get("key");
    assertThat(first).containsEntry("channel", "RETAIL").containsEntry("version", "2025");
    assertThat(issued.err()).isEmpty(); // no progress bar when stderr is not a terminal

    Machine a = new Machine(LabProfile.PHYSICAL_SERVER).init("2025", "ServerDatacenter");
    a.ok("slmgr", "-IPK", key);
    a.ok("activate");
    assertThat(admin("activations", "list", "--key", key).out()).contains("1 activation(s).");
    // support releases the key of a dead machine: another machine may activate it
    assertThat(admin("activations", "release", key, "--reason", "motherboard died").out())
        .contains("Released 1 activation(s).");
    Machine b = new Machine(LabProfile.PHYSICAL_SERVER).init("2025", "ServerDatacenter");
    b.ok("key", "install", key);
    b.ok("activate");
    assertThat(b.ok("expiry").out()).contains("permanently activated");
    assertThat(admin("audit", "verify").out()).contains("Audit log intact");

    CliRunner.Result unauthorized =
        cli.run(
            "--json",
            "admin",
            "--authority",
            authority.uri().toString(),
            "--token",
            "wrong",
            "keys",
            "show",
            key);
    assertThat(unauthorized.exit()).isEqualTo(KeywardCli.REFUSED);
    assertThat(unauthorized.errorCode()).contains("0xC0DE0008");
  }

  @Test
  void rearmRestartsTheGraceUntilTheLimit() {
    Machine m = new Machine(LabProfile.VMWARE_VM).init("2022", "ServerStandardEval");
    assertThat(m.dli())
        .containsEntry("licenseStatus", "ExtendedGrace")
        .containsEntry("channel", "TIMEBASED_EVAL");
    for (int i = 0; i < 5; i++) {
      m.ok("slmgr", "/rearm");
    }
    assertThat(m.dli()).containsEntry("rearmRemaining", 0);
    m.fails("0xC004D307", "slmgr", "/rearm");
    m.fails("0x80070032", "slmgr", "/ato");
  }
}
