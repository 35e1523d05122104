package dev.keyward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.client.KeywardClient;
import dev.keyward.client.VolumeNetwork;
import dev.keyward.core.catalog.CatalogLoader;
import dev.keyward.core.catalog.Channel;
import dev.keyward.core.vmhost.VmHostChannel;
import dev.keyward.core.vmhost.VmWire;
import dev.keyward.lab.run.VirtualClock;
import dev.keyward.machines.LabProfile;
import dev.keyward.volumehost.VmHostAgent;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Host-based VM activation (SPEC §12) through the keyward command, against real processes on this
 * machine: the authority on a loopback port, hosts activated against it (keyward slmgr /ipk, /ato),
 * their host agents on real Unix domain sockets, and guests that name them in their machine files.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VmHostEndToEndCliTest {
  @TempDir static Path dir;
  private final VirtualClock clock = new VirtualClock(Instant.now());
  private Site site;

  @BeforeAll
  void startAuthority() {
    site = new Site(dir, 2028, clock);
  }

  @AfterAll
  void stopAll() {
    site.close();
  }

  private static String vmKey(String version, String edition) {
    return CatalogLoader.winserver()
        .product("winserver")
        .orElseThrow()
        .publicKey(version, edition, Channel.VIRTUAL_MACHINE_ACTIVATION)
        .orElseThrow()
        .key();
  }

  /** A host installed with {@code edition}; its agent (what vm-host serve runs) on a socket. */
  private record Host(SiteMachine machine, VmHostAgent agent) {
    String channel() {
      return agent.channel().toString();
    }
  }

  private Host host(String version, String edition, boolean activate) throws IOException {
    SiteMachine m = site.named("hv", LabProfile.PHYSICAL_SERVER);
    m.ok("init", "--product", "winserver", "--version", version, "--edition", edition);
    m.ok("slmgr", "/ipk", site.issue(version, edition, Channel.RETAIL.name()));
    if (activate) {
      m.ok("slmgr", "/ato");
    }
    KeywardClient client = site.client(m);
    Path socket = Files.createTempDirectory("kw-vm").resolve("agent.sock");
    VmHostAgent agent =
        VmHostAgent.start(new VmHostAgent.Config(client, new VmHostChannel.Unix(socket), clock));
    site.closeAtEnd(agent);
    return new Host(m, agent);
  }

  private SiteMachine guest(Host host, String version, String edition) throws IOException {
    SiteMachine g = site.named("vm", LabProfile.HYPERV_VM).moveTo(Optional.of(host.channel()));
    g.ok("init", "--product", "winserver", "--version", version, "--edition", edition);
    g.ok("slmgr", "/ipk", vmKey(version, edition));
    return g;
  }

  @Test
  void theAgentRefusesWhileTheHostIsUnlicensedOrStandardAndServesOnceDatacenterIsLicensed()
      throws Exception {
    Host standard = host("2022", "ServerStandard", true);
    assertThat(standard.machine().status()).isEqualTo("Licensed");
    SiteMachine onStandard = guest(standard, "2019", "ServerStandard");
    assertThat(onStandard.refusal("slmgr", "/ato"))
        .startsWith("0xC0DE0039")
        .contains("ServerStandard");

    Host dc = host("2022", "ServerDatacenter", false);
    SiteMachine vm = guest(dc, "2022", "ServerDatacenter");
    assertThat(vm.refusal("slmgr", "/ato")).startsWith("0xC0DE0038").contains("not activated");
    assertThat(vm.status()).isNotEqualTo("Licensed");
    assertThat(vm.events(12309))
        .singleElement()
        .satisfies(e -> assertThat(e.get("result")).isEqualTo("0xC0DE0038"));

    dc.machine().ok("slmgr", "/ato");
    assertThat(dc.agent().refusal()).isEmpty();
    assertThat(vm.ok("slmgr", "/ato").out()).contains("Product activated successfully");
    assertThat(vm.status()).isEqualTo("Licensed");
    @SuppressWarnings("unchecked")
    Map<String, Object> block = (Map<String, Object>) vm.json("slmgr", "/dlv").get("vmGuest");
    assertThat(block.get("hostEdition")).isEqualTo("ServerDatacenter");
    assertThat(block.get("vmHost")).isEqualTo(dc.channel());
    assertThat(Instant.parse((String) block.get("expiresAt")))
        .isEqualTo(Instant.parse((String) block.get("activatedAt")).plus(Duration.ofDays(7)));
    assertThat(vm.ok("slmgr", "/dlv").out()).contains("Host-based VM activation information");

    assertThat(vm.events(12309))
        .last()
        .satisfies(e -> assertThat(e.get("result")).isEqualTo("0x0"));
    assertThat(dc.machine().events(12310))
        .anySatisfy(
            e -> {
              assertThat(e.get("guest")).isEqualTo(vm.name);
              assertThat(e.get("edition")).isEqualTo("ServerDatacenter");
              assertThat(e.get("result")).isEqualTo("0x0");
            });
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> guests =
        (List<Map<String, Object>>) dc.machine().json("vm-host", "guests").get("guests");
    assertThat(guests)
        .singleElement()
        .satisfies(
            g -> {
              assertThat(g.get("name")).isEqualTo(vm.name);
              assertThat(g.get("edition")).isEqualTo("ServerDatacenter");
              assertThat(g.get("version")).isEqualTo("2022");
              assertThat(g.get("active")).isEqualTo(true);
            });
    assertThat(dc.machine().ok("vm-host", "guests").out())
        .contains(vm.name)
        .contains("ServerDatacenter");
  }

  @Test
  void guestsOfTheHostsVersionOrEarlierActivateANewerOneIsRefused() throws Exception {
    Host dc = host("2022", "ServerDatacenter", true);
    for (String version : List.of("2019", "2022")) {
      SiteMachine g = guest(dc, version, "ServerStandard");
      g.ok("slmgr", "/ato");
      assertThat(g.status()).isEqualTo("Licensed");
    }
    SiteMachine newer = guest(dc, "2025", "ServerStandard");
    assertThat(newer.refusal("slmgr", "/ato")).startsWith("0xC0DE003A").contains("2025");
    assertThat(newer.status()).isNotEqualTo("Licensed");
  }

  @Test
  void aGuestMovedToAHostWithoutTheAgentFallsToAdditionalGraceWhenItsActivationExpires()
      throws Exception {
    Host dc = host("2022", "ServerDatacenter", true);
    SiteMachine g = guest(dc, "2019", "ServerDatacenter");
    g.ok("slmgr", "/ato");
    // an application renews through the SDK while the guest runs on that host: daily
    KeywardClient sdk =
        KeywardClient.builder()
            .store(g.store)
            .machine(() -> g.facts)
            .trust(site.authority.trustedKeys())
            .clock(clock)
            .volumeNetwork(
                new VolumeNetwork(
                    Optional.empty(),
                    Optional::empty,
                    () -> Optional.of(dc.channel()),
                    () -> g.name))
            .build();
    assertThat(sdk.renewIfDue()).isEmpty();
    clock.advance(Duration.ofDays(3));
    assertThat(sdk.renewIfDue().orElseThrow().info().status().state().displayName())
        .isEqualTo("Licensed");
    assertThat(sdk.renewIfDue()).isEmpty();
    g.moveTo(Optional.of("unix:" + dir.resolve("no-agent-here.sock")));
    assertThat(g.refusal("slmgr", "/ato")).startsWith("0xC0DE003B");
    clock.advance(Duration.ofDays(6).plusHours(23));
    assertThat(g.status()).isEqualTo("Licensed");
    clock.advance(Duration.ofHours(2));
    Map<String, Object> dli = g.json("slmgr", "/dli");
    assertThat(dli.get("licenseStatus")).isEqualTo("AdditionalGrace");
    // the lapse names the missing host agent, not a volume host (0xC004F074)
    assertThat(dli.get("reason")).isEqualTo("0xC0DE0060");
    assertThat(g.ok("slmgr", "/dli").out())
        .contains("KW_E_VM_ACTIVATION_EXPIRED")
        .contains("no host agent renewed it")
        .doesNotContain("0xC004F074");
    g.moveTo(Optional.empty());
    assertThat(g.refusal("slmgr", "/ato")).startsWith("0xC0DE003B").contains("vmHost");
  }

  @Test
  void garbageOnTheChannelIsAClearErrorAndStoresNothing() throws Exception {
    Host dc = host("2022", "ServerDatacenter", true);
    Path socket = ((VmHostChannel.Unix) dc.agent().channel()).path();
    List<String> garbage =
        List.of(
            "GET / HTTP/1.1\r\nHost: x\r\n\r\n",
            "{\"type\":\"vm-activate\",\"cmid\":\"not-a-uuid\"}\n",
            "[1,2,3]\n",
            "\u0000\u00ff\u00fe",
            "x".repeat(VmWire.MAX_REQUEST + 10),
            "");
    for (String g : garbage) {
      String answer = exchange(socket, g);
      assertThat(answer).as(g).contains("0xC0DE003C");
    }
    assertThat(dc.machine().events(12310)).isEmpty();
    assertThat(dc.machine().json("vm-host", "guests").get("guests")).isEqualTo(List.of());
    // the agent still serves a real guest afterwards
    SiteMachine vm = guest(dc, "2022", "ServerStandard");
    vm.ok("slmgr", "/ato");
    // a guest pointed at something that is not an agent (the authority's HTTP port)
    vm.moveTo(Optional.of("127.0.0.1:" + site.authority.uri().getPort()));
    assertThat(vm.refusal("slmgr", "/ato")).matches("0xC0DE003[BC] .*");
  }

  @Test
  void aLoopbackPortServesToo_andServeRefusesAChannelThatIsNotHostOnly() throws Exception {
    Host dc = host("2022", "ServerDatacenter", true);
    VmHostAgent tcp =
        VmHostAgent.start(
            new VmHostAgent.Config(
                KeywardClient.builder()
                    .store(dc.machine().store)
                    .machine(() -> dc.machine().facts)
                    .trust(site.authority.trustedKeys())
                    .clock(clock)
                    .build(),
                VmHostChannel.parse("127.0.0.1:0").orElseThrow(),
                clock));
    site.closeAtEnd(tcp);
    assertThat(tcp.channel().toString()).startsWith("127.0.0.1:").doesNotEndWith(":0");
    SiteMachine vm =
        site.named("vm", LabProfile.HYPERV_VM).moveTo(Optional.of(tcp.channel().toString()));
    vm.ok("init", "--product", "winserver", "--version", "2019", "--edition", "ServerStandard");
    vm.ok("slmgr", "/ipk", vmKey("2019", "ServerStandard"));
    vm.ok("slmgr", "/ato");
    assertThat(vm.status()).isEqualTo("Licensed");

    assertThat(dc.machine().refusal("vm-host", "serve", "--listen", "192.0.2.1:7010"))
        .startsWith("0xC0DE0007")
        .contains("loopback");
    assertThat(dc.machine().refusal("vm-host", "serve", "--listen", "somewhere"))
        .startsWith("0xC0DE000B");
  }

  private static String exchange(Path socket, String message) throws IOException {
    try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      ch.connect(UnixDomainSocketAddress.of(socket));
      byte[] bytes = message.getBytes(StandardCharsets.ISO_8859_1);
      ch.write(java.nio.ByteBuffer.wrap(bytes));
      ch.shutdownOutput();
      return VmWire.read(ch, VmWire.MAX_ANSWER).orElse("");
    }
  }
}
