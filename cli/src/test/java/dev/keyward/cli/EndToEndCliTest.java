package dev.keyward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.core.hardware.Component;
import dev.keyward.machines.LabProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
  private Site site;

  @BeforeAll
  void startAuthority() {
    site = new Site(dir, 2026);
  }

  @AfterAll
  void stopAuthority() {
    site.close();
  }

  private Map<String, Object> keyRecord(String key) {
    return site.adminJson(null, "keys", "show", key);
  }

  @Test
  void seed003RetailTransfer() {
    String key = site.issue("2022", "ServerStandard", "RETAIL");
    SiteMachine a = site.machine(LabProfile.PHYSICAL_SERVER).init("2022", "ServerStandard");
    SiteMachine b = site.machine(LabProfile.PHYSICAL_SERVER).init("2022", "ServerStandard");
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
    String key = site.issue("2019", "ServerStandard", "RETAIL");
    SiteMachine m = site.machine(LabProfile.VMWARE_VM).init("2019", "ServerStandard");
    char c = key.charAt(8);
    String typo = key.substring(0, 8) + (c == 'B' ? '8' : 'B') + key.substring(9);
    // offline: an authority address where nothing listens
    CliRunner.Result r =
        site.cli.run(
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
    SiteMachine std2022 = site.machine(LabProfile.HYPERV_VM).init("2022", "ServerStandard");
    CliRunner.Result dc =
        std2022.fails(
            "0xC004F050", "slmgr", "/ipk", site.issue("2022", "ServerDatacenter", "RETAIL"));
    assertThat((String) dc.error().get("message")).contains("/Set-Edition:ServerDatacenter");

    SiteMachine std2019 = site.machine(LabProfile.HYPERV_VM).init("2019", "ServerStandard");
    std2019.fails("0xC004E016", "slmgr", "/ipk", site.issue("2022", "ServerStandard", "RETAIL"));
  }

  @Test
  void makPoolOfThreeRefusesTheFourthMachine() {
    String mak = site.issue("2022", "ServerStandard", "VOLUME_MAK", "--pool", "3");
    for (int i = 0; i < 3; i++) {
      SiteMachine m = site.machine(LabProfile.VMWARE_VM).init("2022", "ServerStandard");
      m.ok("slmgr", "/ipk", mak);
      m.ok("slmgr", "/ato");
    }
    SiteMachine fourth = site.machine(LabProfile.VMWARE_VM).init("2022", "ServerStandard");
    fourth.ok("slmgr", "/ipk", mak);
    fourth.fails("0xC004C020", "slmgr", "/ato");
    assertThat(keyRecord(mak)).containsEntry("poolSize", 3).containsEntry("poolUsed", 3);
  }

  @Test
  void aBlockedKeyIsRefused() {
    String key = site.issue("2022", "ServerStandard", "RETAIL");
    site.admin(null, "keys", "block", key, "--reason", "leaked");
    assertThat(keyRecord(key)).containsEntry("blocked", true);
    SiteMachine m = site.machine(LabProfile.PROXMOX_VM).init("2022", "ServerStandard");
    m.ok("slmgr", "/ipk", key);
    m.fails("0xC004C003", "slmgr", "/ato");
  }

  @Test
  void anOemKeyNeedsTheMarker() {
    String key = site.issue("2022", "ServerStandard", "OEM");
    SiteMachine m = site.machine(LabProfile.PROXMOX_VM).init("2022", "ServerStandard");
    m.ok("slmgr", "/ipk", key);
    m.fails("0xC004F035", "slmgr", "/ato");
  }

  @Test
  void reactivationWithinToleranceIsFree_outOfToleranceSpendsOne() {
    String mak = site.issue("2022", "ServerStandard", "VOLUME_MAK", "--pool", "5");
    SiteMachine m = site.machine(LabProfile.VMWARE_VM).init("2022", "ServerStandard");
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
    String key = site.issue("2022", "ServerStandard", "RETAIL");
    SiteMachine m = site.machine(LabProfile.PHYSICAL_SERVER).init("2022", "ServerStandard");
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
    String key = site.issue("2022", "ServerStandard", "RETAIL");
    SiteMachine m = site.machine(LabProfile.HYPERV_VM).init("2022", "ServerStandard");
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
        site.admin(
            null,
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

    SiteMachine a = site.machine(LabProfile.PHYSICAL_SERVER).init("2025", "ServerDatacenter");
    a.ok("slmgr", "-IPK", key);
    a.ok("activate");
    assertThat(site.admin(null, "activations", "list", "--key", key).out())
        .contains("1 activation(s).");
    // support releases the key of a dead machine: another machine may activate it
    assertThat(
            site.admin(null, "activations", "release", key, "--reason", "motherboard died").out())
        .contains("Released 1 activation(s).");
    SiteMachine b = site.machine(LabProfile.PHYSICAL_SERVER).init("2025", "ServerDatacenter");
    b.ok("key", "install", key);
    b.ok("activate");
    assertThat(b.ok("expiry").out()).contains("permanently activated");
    // one activation released by its id: the listing shows it released with the reason
    String listed = site.admin(null, "activations", "list", "--key", key).out();
    java.util.regex.Matcher active =
        java.util.regex.Pattern.compile("(act-\\S+)\\s+\\S+\\s+true").matcher(listed);
    assertThat(active.find()).as(listed).isTrue();
    assertThat(
            site.admin(
                    null,
                    "activations",
                    "release",
                    key,
                    "--activation",
                    active.group(1),
                    "--reason",
                    "moved to rack 4")
                .out())
        .contains("Released 1 activation(s).");
    assertThat(site.admin(null, "activations", "list", "--key", key).out())
        .containsPattern(active.group(1) + "\\s+\\S+\\s+false.*\\(moved to rack 4\\)")
        .doesNotContain(" true ");
    assertThat(site.admin(null, "audit", "verify").out()).contains("Audit log intact");

    CliRunner.Result unauthorized =
        site.cli.run(
            "--json",
            "admin",
            "--authority",
            site.authority.uri().toString(),
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
    SiteMachine m = site.machine(LabProfile.VMWARE_VM).init("2022", "ServerStandardEval");
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
