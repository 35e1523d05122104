package dev.keyward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.client.Dnsmasq;
import dev.keyward.machines.LabProfile;
import dev.keyward.volumehost.VolumeHost;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The volume story of the seeds through the keyward command, against real processes on loopback:
 * the authority, volume hosts activated against it (keyward slmgr /ipk HOSTKEY, /ato), and a
 * dnsmasq answering the SRV lookups.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VolumeEndToEndCliTest {
  private static final String GVLK_2022 = "K8DYQ-F3DK7-2FDRB-XQDFJ-DKKCC";
  @TempDir static Path dir;
  private Site site;

  @BeforeAll
  void startAuthority() {
    site = new Site(dir, 2027);
  }

  @AfterAll
  void stopAll() {
    site.close();
  }

  private SiteMachine client(String skms) throws IOException {
    SiteMachine c = site.machine(LabProfile.HYPERV_VM);
    c.ok("init", "--product", "winserver", "--version", "2022", "--edition", "ServerStandard");
    c.ok("slmgr", "/ipk", GVLK_2022);
    if (skms != null) {
      c.ok("slmgr", "/skms", skms);
    }
    return c;
  }

  private static String hostPort(VolumeHost host) {
    return "127.0.0.1:" + host.url().getPort();
  }

  @Test
  void fourClientsAreBelowTheThresholdTheFifthActivatesAllThenTheOthersOnTheirNextTry()
      throws Exception {
    VolumeHost host = site.volumeHost("2022");
    List<SiteMachine> clients = new ArrayList<>();
    for (int i = 1; i <= 4; i++) {
      SiteMachine c = client(hostPort(host));
      clients.add(c);
      assertThat(c.refusal("slmgr", "/ato")).startsWith("0xC004F038").contains("count " + i);
      assertThat(c.volumeClient().get("lastCount")).isEqualTo(i);
    }
    SiteMachine fifth = client(hostPort(host));
    assertThat(fifth.ok("slmgr", "/ato").out()).contains("Product activated successfully");
    assertThat(fifth.status()).isEqualTo("Licensed");
    for (SiteMachine c : clients) {
      c.ok("slmgr", "/ato");
      assertThat(c.status()).isEqualTo("Licensed");
      assertThat(c.volumeClient().get("lastCount")).isEqualTo(5);
    }
    Map<String, Object> v = fifth.volumeClient();
    assertThat(v.get("registeredHost")).isEqualTo(hostPort(host));
    assertThat(v.get("renewalIntervalMinutes")).isEqualTo(10080);
    assertThat(v.get("activationIntervalMinutes")).isEqualTo(120);
    assertThat((String) v.get("activationExpires")).isNotBlank();
    assertThat(fifth.ok("slmgr", "/dlv").out())
        .contains("Registered volume activation host: " + hostPort(host))
        .contains("Renewal interval: 10080 minutes");
    CliRunner.Result events = fifth.ok("--json", "events", "--id", "12289");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> list = (List<Map<String, Object>>) events.json().get("events");
    assertThat(list).isNotEmpty().allSatisfy(e -> assertThat(e.get("id")).isEqualTo(12289));
    assertThat(list.get(list.size() - 1).get("count")).isEqualTo(5);
    assertThat(fifth.ok("events", "--id", "12288").out())
        .contains("12288")
        .contains(hostPort(host));
  }

  @Test
  void aClientWithoutSkmsFindsTheHostBySrvPriorityZeroFirstThenTheOther() throws Exception {
    VolumeHost first = site.volumeHost("2022");
    VolumeHost second = site.volumeHost("2022");
    site.warmUp(first);
    site.warmUp(second);
    Dnsmasq dns =
        Dnsmasq.start(
            Files.createDirectories(dir.resolve("dns")),
            List.of("contoso.lan", "fabrikam.lan"),
            List.of(
                "--srv-host=_keyward._tcp.contoso.lan,kms1.contoso.lan,"
                    + first.url().getPort()
                    + ",0,100",
                "--srv-host=_keyward._tcp.contoso.lan,kms2.contoso.lan,"
                    + second.url().getPort()
                    + ",10,100",
                "--host-record=kms1.contoso.lan,127.0.0.1",
                "--host-record=kms2.contoso.lan,127.0.0.1"));
    site.closeAtEnd(dns);
    SiteMachine c = site.machine(LabProfile.HYPERV_VM).inDomain("contoso.lan");
    c.extra.addAll(List.of("--dns", "127.0.0.1:" + dns.port));
    c.ok("init", "--product", "winserver", "--version", "2022", "--edition", "ServerStandard");
    c.ok("slmgr", "/ipk", GVLK_2022);
    for (int i = 0; i < 3; i++) {
      c.ok("slmgr", "/ato");
      Map<String, Object> v = c.volumeClient();
      assertThat(v.get("hostFromDns")).isEqualTo("kms1.contoso.lan:" + first.url().getPort());
      assertThat(v.get("cachedHost")).isEqualTo("kms1.contoso.lan:" + first.url().getPort());
    }
    first.close();
    c.ok("slmgr", "/ato");
    assertThat(c.status()).isEqualTo("Licensed");
    assertThat(c.volumeClient().get("cachedHost"))
        .isEqualTo("kms2.contoso.lan:" + second.url().getPort());
    assertThat(c.ok("slmgr", "/dlv").out())
        .contains("Cached volume activation host: kms2.contoso.lan:" + second.url().getPort());

    SiteMachine nowhere = site.machine(LabProfile.HYPERV_VM).inDomain("fabrikam.lan");
    nowhere.extra.addAll(List.of("--dns", "127.0.0.1:" + dns.port));
    nowhere.ok(
        "init", "--product", "winserver", "--version", "2022", "--edition", "ServerStandard");
    nowhere.ok("slmgr", "/ipk", GVLK_2022);
    assertThat(nowhere.refusal("slmgr", "/ato")).startsWith("0x8007232B");
  }

  @Test
  void a2019HostRefusesA2022Client() throws Exception {
    VolumeHost old = site.volumeHost("2019");
    SiteMachine c = client(hostPort(old));
    assertThat(c.refusal("slmgr", "/ato")).startsWith("0xC004F042");
    assertThat(c.status()).isEqualTo("InitialGrace");
  }

  @Test
  void aHostTheAuthorityNeverActivatedIsRefusedByTheClient() throws Exception {
    RogueVolumeHost rogue = new RogueVolumeHost();
    site.closeAtEnd(rogue);
    SiteMachine c = client("127.0.0.1:" + rogue.port());
    assertThat(c.refusal("slmgr", "/ato")).startsWith("0xC004F041").contains("never activated");
    assertThat(c.status()).isEqualTo("InitialGrace");
    assertThat(c.ok("events", "--id", "12289").out()).contains("result=0xC004F041");
  }

  @Test
  void anUnactivatedHostAnswersC004F041() throws Exception {
    SiteMachine h = site.machine(LabProfile.HYPERV_VM);
    h.ok("init", "--product", "winserver", "--version", "2022", "--edition", "ServerStandard");
    h.ok("slmgr", "/ipk", site.issueHostKey("2022"));
    VolumeHost host = site.serveVolume(h);
    SiteMachine c = client(hostPort(host));
    assertThat(c.refusal("slmgr", "/ato")).startsWith("0xC004F041");
  }

  @Test
  void theCatalogListsThePublicVolumeKeys() {
    CliRunner.Result text = site.cli.run("catalog", "volume-keys");
    assertThat(text.exit()).isZero();
    assertThat(text.out()).contains(GVLK_2022).contains("ServerStandard");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> keys =
        (List<Map<String, Object>>)
            site.cli.run("--json", "catalog", "volume-keys").json().get("volumeKeys");
    assertThat(keys)
        .filteredOn(k -> "VOLUME_KMSCLIENT".equals(k.get("kind")))
        .hasSize(12)
        .anySatisfy(k -> assertThat(k.get("key")).isEqualTo(GVLK_2022));
    assertThat(keys)
        .filteredOn(k -> "VIRTUAL_MACHINE_ACTIVATION".equals(k.get("kind")))
        .hasSize(15);
  }

  @Test
  void eventsFilterBySinceAndRefuseABadTime() throws Exception {
    SiteMachine c = client("127.0.0.1:1");
    assertThat(c.ok("events").out()).contains("Installed").contains("VolumeHostSet");
    assertThat(c.ok("events", "--since", "2999-01-01").out()).contains("No events");
    CliRunner.Result bad = c.run("--json", "events", "--since", "yesterday");
    assertThat(bad.exit()).isEqualTo(KeywardCli.REFUSED);
    assertThat(bad.errorCode()).contains("0xC0DE0007");
  }

  @Test
  void noHostReachableIsC004F074() throws Exception {
    VolumeHost gone = site.volumeHost("2022");
    String address = hostPort(gone);
    gone.close();
    SiteMachine c = client(address);
    assertThat(c.refusal("slmgr", "/ato")).startsWith("0xC004F074");
  }
}
