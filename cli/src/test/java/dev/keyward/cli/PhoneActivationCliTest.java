package dev.keyward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.authority.crypto.PhoneCidSigner;
import dev.keyward.core.hardware.Component;
import dev.keyward.core.json.Json;
import dev.keyward.core.phone.PhoneKeyDecoding;
import dev.keyward.machines.LabProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Phone and proxy activation as the seeds tell them (SPEC §10), run as administrators, support
 * agents and customers would: the keyward command in-process against a real authority.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PhoneActivationCliTest {
  private static final String AGENT = "agent.dupont";

  @TempDir static Path dir;
  private Site site;

  @BeforeAll
  void start() {
    site = new Site(dir, 2003);
  }

  @AfterAll
  void stop() {
    site.close();
  }

  /** The confirmation ID with the first digit of group {@code group} (1-based) changed. */
  private static String mistyped(String cid, int group) {
    List<String> groups = Arrays.asList(cid.split("-"));
    char[] g = groups.get(group - 1).toCharArray();
    g[0] = (char) ('0' + (g[0] - '0' + 1) % 10);
    groups.set(group - 1, new String(g));
    return String.join("-", groups);
  }

  @Test
  @Order(1)
  void seed003_oldServerDead_supportReleases_newServerActivatesByPhone() {
    String key = site.issue("2022", "ServerStandard", "RETAIL");
    SiteMachine old = site.machine(LabProfile.PHYSICAL_SERVER).init("2022", "ServerStandard");
    old.ok("slmgr", "/ipk", key);
    old.ok("slmgr", "/ato");
    // SRV-OLD-01 dies and is never seen again. The new server:
    SiteMachine fresh = site.machine(LabProfile.VMWARE_VM).init("2022", "ServerStandard");
    fresh.ok("slmgr", "/ipk", key);
    fresh.fails("0xC004C008", "slmgr", "/ato");

    // slui 4 / slmgr /dti: the installation ID, in groups, read out to the agent
    CliRunner.Result dti = fresh.ok("slmgr", "/dti");
    String iid = fresh.iid();
    assertThat(iid).matches("\\d{7}(-\\d{7}){8}");
    assertThat(dti.out())
        .contains("Installation ID: " + iid)
        .contains(" 9: " + iid.substring(iid.length() - 7));
    // the same rules as online: while the old server holds it, the agent cannot confirm
    site.adminFails("0xC004C008", AGENT, "phone", iid, "--reason", "ticket 3: new server");
    // the agent releases the dead server's activation, with the reason, then confirms
    assertThat(
            site.admin(
                    AGENT,
                    "activations",
                    "release",
                    key,
                    "--reason",
                    "ticket 3: SRV-OLD-01 motherboard dead, cannot run slmgr /upk")
                .out())
        .contains("Released 1 activation(s).");
    CliRunner.Result agent =
        site.admin(AGENT, "phone", iid, "--reason", "ticket 3: transfer to SRV-NEW-01");
    String cid = site.phone(AGENT, iid, "ticket 3: read back");
    assertThat(agent.out()).contains("Confirmation ID: " + cid).contains("20: ");

    // the customer types it: a misheard digit is named by its group
    CliRunner.Result typo = fresh.fails("0xC004F04D", "slmgr", "/atp", mistyped(cid, 7));
    assertThat((String) typo.error().get("message")).contains("group 7");
    // a CID for another installation ID is refused
    SiteMachine other = site.machine(LabProfile.HYPERV_VM).init("2022", "ServerStandard");
    other.ok("slmgr", "/ipk", key);
    other.fails("0xC004F02C", "slmgr", "/atp", cid);

    CliRunner.Result atp = fresh.ok("slmgr", "/atp", cid);
    assertThat(atp.out()).contains("Product activated successfully");
    assertThat(fresh.dli())
        .containsEntry("licenseStatus", "Licensed")
        .containsEntry("reason", null);
    assertThat(fresh.json("slmgr", "/xpr")).containsEntry("expires", null);
    Map<String, Object> dlv = fresh.json("slmgr", "/dlv");
    assertThat(dlv).containsEntry("activationMethod", "phone").containsEntry("installationId", iid);
    assertThat(fresh.ok("slmgr", "/dlv").out()).contains("phone activation");
    assertThat(fresh.ok("slmgr", "/atp", cid).out()).contains("already activated");

    // certificate-less, yet checked at every status like a certificate: hardware tolerance
    fresh.migrate(LabProfile.PROXMOX_VM, Component.UUID, Component.SERIAL);
    assertThat(fresh.dli()).containsEntry("licenseStatus", "Licensed");
    fresh.migrate(LabProfile.HYPERV_VM);
    assertThat(fresh.dli())
        .containsEntry("licenseStatus", "AdditionalGrace")
        .containsEntry("reason", "0xC004F00F");
  }

  @Test
  @Order(2)
  void seed001_makPoolExhausted_supportExtends_activationSucceeds() {
    String mak = site.issue("2019", "ServerStandard", "VOLUME_MAK", "--pool", "2");
    SiteMachine vm = site.machine(LabProfile.VMWARE_VM).init("2019", "ServerStandard");
    SiteMachine second = site.machine(LabProfile.VMWARE_VM).init("2019", "ServerStandard");
    for (SiteMachine m : List.of(vm, second)) {
      m.ok("slmgr", "/ipk", mak);
      m.ok("slmgr", "/ato");
    }
    // VMware -> Proxmox: out of tolerance, and the pool is empty
    vm.migrate(LabProfile.PROXMOX_VM);
    assertThat(vm.dli()).containsEntry("reason", "0xC004F00F");
    vm.fails("0xC004C020", "slmgr", "/ato");
    site.adminFails(
        "0xC004C020", AGENT, "phone", vm.iid(), "--reason", "ticket 1: V2V move to Proxmox");

    Map<String, Object> extended =
        site.adminJson(
            AGENT, "mak", "extend", mak, "--by", "1", "--reason", "ticket 1: V2V move to Proxmox");
    assertThat(extended).containsEntry("poolSize", 3);
    site.adminFails(
        "0xC004C021", AGENT, "mak", "extend", mak, "--by", "100", "--reason", "past the limit");

    vm.ok("slmgr", "/ato");
    assertThat(vm.dli()).containsEntry("licenseStatus", "Licensed");
    assertThat(site.adminJson(null, "keys", "show", mak)).containsEntry("poolUsed", 3);
  }

  @Test
  @Order(3)
  void aBlockedKeyIsRefusedByPhoneUntilSupportUnblocksIt() {
    String key = site.issue("2025", "ServerDatacenter", "RETAIL");
    SiteMachine m = site.isolated(LabProfile.PHYSICAL_SERVER).init("2025", "ServerDatacenter");
    m.ok("slmgr", "/ipk", key);
    String iid = m.iid();
    site.admin(AGENT, "keys", "block", key, "--reason", "ticket 9: reported leaked");
    site.adminFails("0xC004C003", AGENT, "phone", iid, "--reason", "ticket 9: customer call");
    site.admin(AGENT, "keys", "unblock", key, "--reason", "ticket 9: proof of purchase shown");
    m.ok("slmgr", "/atp", site.phone(AGENT, iid, "ticket 9: customer call"));
    assertThat(m.dli()).containsEntry("licenseStatus", "Licensed");
  }

  @Test
  @Order(4)
  void anIsolatedMachineActivatesWithSlui4_aMistypedGroupIsAskedAgain() throws IOException {
    String key = site.issue("2022", "ServerDatacenter", "RETAIL");
    SiteMachine m = site.isolated(LabProfile.HYPERV_VM).init("2022", "ServerDatacenter");
    m.ok("slmgr", "/ipk", key);
    String iid = m.iid();
    String cid = site.phone(AGENT, iid, "ticket 5: isolated lab network");
    List<String> groups = Arrays.asList(cid.split("-"));

    StringBuilder typed = new StringBuilder();
    for (int g = 1; g <= 4; g++) {
      typed.append(groups.get(g - 1)).append('\n');
    }
    typed.append(mistyped(cid, 5).split("-")[4]).append('\n'); // misheard
    typed.append(groups.get(4)).append('\n'); // asked again
    typed.append(String.join(" ", groups.subList(5, 20))).append('\n'); // the rest pasted
    CliRunner.Result r = m.type(typed.toString(), "slui", "4");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out())
        .contains(" 1: " + iid.substring(0, 7))
        .contains("Group 5 does not match its check digit")
        .contains("Type group 5 again")
        .contains("Product activated successfully");
    assertThat(m.dli()).containsEntry("licenseStatus", "Licensed");

    // checked at every status like a certificate: a phone key no longer trusted (revoked by
    // dropping it from the trusted keys) leaves the activation unproven
    Path revoked = dir.resolve("revoked-trust.json");
    String otherKey = otherPhoneKey();
    Files.writeString(
        revoked,
        Files.readString(site.trustFile())
            .replaceAll("\"p256\":\"[^\"]+\"", "\"p256\":\"" + otherKey + "\""));
    CliRunner.Result unproven =
        site.cli.run(
            "--json",
            "--store",
            m.store.toString(),
            "--machine",
            m.file.toString(),
            "--authority",
            "http://127.0.0.1:9",
            "--trust",
            revoked.toString(),
            "slmgr",
            "/dli");
    assertThat(unproven.json())
        .containsEntry("licenseStatus", "NonGenuineGrace")
        .containsEntry("reason", "0xC0DE0003");

    // input that ends too early applies nothing
    SiteMachine n = site.isolated(LabProfile.HYPERV_VM).init("2022", "ServerDatacenter");
    n.ok("slmgr", "/ipk", key);
    CliRunner.Result cut = n.type(groups.get(0) + "\n", "--json", "slui", "4");
    assertThat(cut.exit()).isEqualTo(KeywardCli.REFUSED);
    assertThat(cut.errorCode()).contains("0xC004F04D");
  }

  @Test
  @Order(5)
  void proxyActivation_twoMachinesOneRequest_appliedOnEach_twiceHarmless_thirdRefused()
      throws IOException {
    String mak = site.issue("2022", "ServerStandard", "VOLUME_MAK", "--pool", "5");
    SiteMachine a = site.isolated(LabProfile.VMWARE_VM).init("2022", "ServerStandard");
    SiteMachine b = site.isolated(LabProfile.PROXMOX_VM).init("2022", "ServerStandard");
    SiteMachine c = site.isolated(LabProfile.HYPERV_VM).init("2022", "ServerStandard");
    for (SiteMachine m : List.of(a, b, c)) {
      m.ok("slmgr", "/ipk", mak);
    }
    Path request = dir.resolve("site-request.json");
    Path response = dir.resolve("site-response.json");
    assertThat(a.ok("proxy", "export", "-o", request.toString(), "--label", "srv-a").out())
        .contains("Added srv-a")
        .contains("1 machine(s)");
    b.ok("proxy", "export", "-o", request.toString(), "--label", "srv-b");
    assertThat(a.ok("proxy", "export", "-o", request.toString(), "--label", "srv-a").out())
        .contains("already in")
        .contains("2 machine(s)");

    CliRunner.Result answered =
        site.admin(
            "support.lee",
            "proxy",
            "answer",
            request.toString(),
            "-o",
            response.toString(),
            "--reason",
            "ticket 7: air-gapped plant");
    assertThat(answered.out()).contains("2 of 2 machine(s) confirmed");

    for (SiteMachine m : List.of(a, b)) {
      assertThat(m.ok("proxy", "apply", response.toString()).out())
          .contains("Product activated successfully");
      assertThat(m.dli()).containsEntry("licenseStatus", "Licensed");
    }
    assertThat(a.ok("proxy", "apply", response.toString()).out()).contains("already activated");
    CliRunner.Result third = c.fails("0xC004F02C", "proxy", "apply", response.toString());
    assertThat((String) third.error().get("message")).contains("srv-a, srv-b");
    assertThat(site.adminJson(null, "keys", "show", mak)).containsEntry("poolUsed", 2);

    // the file is signed: an altered answer is noticed as such
    Path altered = dir.resolve("altered-response.json");
    Files.writeString(altered, Files.readString(response).replace("srv-b", "srv-x"));
    c.fails("0xC0DE0009", "proxy", "apply", altered.toString());
  }

  @Test
  @Order(99)
  void everySupportActionIsInTheVerifiedAuditLogWithActorAndReason() {
    assertThat(site.admin(null, "audit", "verify").out()).contains("Audit log intact");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> entries =
        (List<Map<String, Object>>) site.adminJson(null, "audit", "list").get("entries");
    Set<String> support =
        Set.of(
            "activations.release",
            "mak.extend",
            "keys.block",
            "keys.unblock",
            "phone.confirm",
            "proxy.confirm");
    for (String action : support) {
      List<Map<String, Object>> done =
          entries.stream().filter(e -> action.equals(e.get("action"))).toList();
      assertThat(done).as(action).isNotEmpty();
      for (Map<String, Object> e : done) {
        assertThat(e.get("actor")).as(action).isIn(AGENT, "support.lee");
        Map<String, Object> detail = Json.readObject((String) e.get("detail")).orElseThrow();
        assertThat((String) detail.get("reason")).as(action).startsWith("ticket ");
      }
    }
    assertThat(site.admin(null, "audit", "list", "--action", "phone.confirm").out())
        .contains(AGENT)
        .contains("ticket 3: transfer to SRV-NEW-01");
  }

  /** The public half of a fresh phone key that this authority does not have. */
  private static String otherPhoneKey() {
    return switch (PhoneCidSigner.decode(0, PhoneCidSigner.generate(new SecureRandom()))) {
      case PhoneKeyDecoding.Decoded<PhoneCidSigner> d -> d.key().publicKey().encode();
      case PhoneKeyDecoding.Invalid<PhoneCidSigner> i -> throw new AssertionError(i.reason());
    };
  }
}
