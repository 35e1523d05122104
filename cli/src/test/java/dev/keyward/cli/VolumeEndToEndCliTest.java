package dev.keyward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.authority.AuthorityConfig;
import dev.keyward.authority.AuthorityServer;
import dev.keyward.client.Dnsmasq;
import dev.keyward.client.KeywardClient;
import dev.keyward.core.catalog.CatalogLoader;
import dev.keyward.core.catalog.Channel;
import dev.keyward.core.hardware.Cmid;
import dev.keyward.core.hardware.MachineFacts;
import dev.keyward.core.hardware.MachineFile;
import dev.keyward.core.json.Json;
import dev.keyward.core.volume.VolumeRequest;
import dev.keyward.machines.LabProfile;
import dev.keyward.volumehost.VolumeHost;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
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
 * The volume story of the seeds through the keyward command, against real processes on loopback:
 * the authority, volume hosts activated against it (keyward slmgr /ipk HOSTKEY, /ato), and a
 * dnsmasq answering the SRV lookups.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VolumeEndToEndCliTest {
  private static final String GVLK_2022 = "K8DYQ-F3DK7-2FDRB-XQDFJ-DKKCC";
  @TempDir static Path dir;
  private AuthorityServer authority;
  private CliRunner cli;
  private Clock clock;
  private final AtomicInteger machines = new AtomicInteger();
  private final Random random = new Random(2027);
  private final List<AutoCloseable> running = new ArrayList<>();

  @BeforeAll
  void startAuthority() {
    clock = Clock.systemUTC(); // the authority and the machines share one clock: no skew
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
  void stopAll() {
    for (AutoCloseable c : running) {
      try {
        c.close();
      } catch (Exception e) {
        // already stopped
      }
    }
    authority.close();
  }

  /** A machine with its machine file (optionally naming a domain) and its own store. */
  private final class Machine {
    final Path file;
    final Path store;
    final MachineFacts facts;
    final List<String> extra = new ArrayList<>();

    Machine(Optional<String> domain) throws IOException {
      int n = machines.incrementAndGet();
      file = dir.resolve("vmachine-" + n + ".yaml");
      store = dir.resolve("vstore-" + n);
      facts = LabProfile.HYPERV_VM.newMachine(random);
      Files.writeString(file, new MachineFile(facts, Optional.empty(), domain).write());
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
                  "--trust",
                  authority.dataDir().resolve("trust.json").toString()));
      all.addAll(extra);
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

    String fails(String... args) {
      List<String> all = new ArrayList<>(List.of("--json"));
      all.addAll(List.of(args));
      CliRunner.Result r = run(all.toArray(String[]::new));
      String code = r.errorCode().orElseThrow();
      // usage mistakes exit 2, refusals 1 (docs/cli.md)
      int exit = code.equals("0xC0DE000B") ? KeywardCli.USAGE : KeywardCli.REFUSED;
      assertThat(r.exit()).as(r.toString()).isEqualTo(exit);
      return code + " " + r.error().get("message");
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> volumeClient() {
      return (Map<String, Object>) run("--json", "slmgr", "/dlv").json().get("volumeClient");
    }

    String status() {
      return (String) run("--json", "slmgr", "/dli").json().get("licenseStatus");
    }
  }

  private String issueHostKey(String version) {
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
            "--channel",
            Channel.VOLUME_KMS_HOST.name());
    assertThat(r.exit()).as(r.toString()).isZero();
    return r.out().strip();
  }

  /** A host machine activated online with a host key of {@code version}, serving on loopback. */
  private VolumeHost host(String version) throws IOException {
    Machine m = new Machine(Optional.empty());
    m.ok("init", "--product", "winserver", "--version", version, "--edition", "ServerStandard");
    m.ok("slmgr", "/ipk", issueHostKey(version));
    m.ok("slmgr", "/ato");
    KeywardClient client =
        KeywardClient.builder()
            .store(m.store)
            .machine(() -> m.facts)
            .authority(authority.uri())
            .trust(authority.trustedKeys())
            .clock(clock)
            .build();
    VolumeHost host =
        VolumeHost.start(new VolumeHost.Config(client, "127.0.0.1", 0, Optional.empty(), clock));
    running.add(host);
    assertThat(host.activated()).isTrue();
    return host;
  }

  private Machine client(String skms) throws IOException {
    Machine c = new Machine(Optional.empty());
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
    VolumeHost host = host("2022");
    List<Machine> clients = new ArrayList<>();
    for (int i = 1; i <= 4; i++) {
      Machine c = client(hostPort(host));
      clients.add(c);
      assertThat(c.fails("slmgr", "/ato")).startsWith("0xC004F038").contains("count " + i);
      assertThat(c.volumeClient().get("lastCount")).isEqualTo(i);
    }
    Machine fifth = client(hostPort(host));
    assertThat(fifth.ok("slmgr", "/ato").out()).contains("Product activated successfully");
    assertThat(fifth.status()).isEqualTo("Licensed");
    for (Machine c : clients) {
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
    VolumeHost first = host("2022");
    VolumeHost second = host("2022");
    warmUp(first);
    warmUp(second);
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
    running.add(dns);
    Machine c = new Machine(Optional.of("contoso.lan"));
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

    Machine nowhere = new Machine(Optional.of("fabrikam.lan"));
    nowhere.extra.addAll(List.of("--dns", "127.0.0.1:" + dns.port));
    nowhere.ok(
        "init", "--product", "winserver", "--version", "2022", "--edition", "ServerStandard");
    nowhere.ok("slmgr", "/ipk", GVLK_2022);
    assertThat(nowhere.fails("slmgr", "/ato")).startsWith("0x8007232B");
  }

  @Test
  void a2019HostRefusesA2022Client() throws Exception {
    VolumeHost old = host("2019");
    Machine c = client(hostPort(old));
    assertThat(c.fails("slmgr", "/ato")).startsWith("0xC004F042");
    assertThat(c.status()).isEqualTo("InitialGrace");
  }

  @Test
  void aHostTheAuthorityNeverActivatedIsRefusedByTheClient() throws Exception {
    RogueVolumeHost rogue = new RogueVolumeHost();
    running.add(rogue);
    Machine c = client("127.0.0.1:" + rogue.port());
    assertThat(c.fails("slmgr", "/ato")).startsWith("0xC004F041").contains("never activated");
    assertThat(c.status()).isEqualTo("InitialGrace");
    assertThat(c.ok("events", "--id", "12289").out()).contains("result=0xC004F041");
  }

  @Test
  void anUnactivatedHostAnswersC004F041() throws Exception {
    Machine h = new Machine(Optional.empty());
    h.ok("init", "--product", "winserver", "--version", "2022", "--edition", "ServerStandard");
    h.ok("slmgr", "/ipk", issueHostKey("2022"));
    KeywardClient client =
        KeywardClient.builder()
            .store(h.store)
            .machine(() -> h.facts)
            .authority(authority.uri())
            .trust(authority.trustedKeys())
            .clock(clock)
            .build();
    VolumeHost host =
        VolumeHost.start(new VolumeHost.Config(client, "127.0.0.1", 0, Optional.empty(), clock));
    running.add(host);
    Machine c = client(hostPort(host));
    assertThat(c.fails("slmgr", "/ato")).startsWith("0xC004F041");
  }

  @Test
  void theCatalogListsThePublicVolumeKeys() {
    CliRunner.Result text = cli.run("catalog", "volume-keys");
    assertThat(text.exit()).isZero();
    assertThat(text.out()).contains(GVLK_2022).contains("ServerStandard");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> keys =
        (List<Map<String, Object>>)
            cli.run("--json", "catalog", "volume-keys").json().get("volumeKeys");
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
    Machine c = client("127.0.0.1:1");
    assertThat(c.ok("events").out()).contains("Installed").contains("VolumeHostSet");
    assertThat(c.ok("events", "--since", "2999-01-01").out()).contains("No events");
    CliRunner.Result bad = c.run("--json", "events", "--since", "yesterday");
    assertThat(bad.exit()).isEqualTo(KeywardCli.REFUSED);
    assertThat(bad.errorCode()).contains("0xC0DE0007");
  }

  @Test
  void noHostReachableIsC004F074() throws Exception {
    VolumeHost gone = host("2022");
    String address = hostPort(gone);
    gone.close();
    Machine c = client(address);
    assertThat(c.fails("slmgr", "/ato")).startsWith("0xC004F074");
  }

  /** Five other machines asked the host, so that it activates the next one. */
  private static void warmUp(VolumeHost host) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    int group =
        CatalogLoader.winserver()
            .product("winserver")
            .orElseThrow()
            .keyGroup("2022", "ServerStandard", Channel.VOLUME_KMSCLIENT)
            .orElseThrow()
            .number();
    for (int i = 0; i < 5; i++) {
      VolumeRequest r =
          new VolumeRequest(
              "winserver",
              "2022",
              "ServerStandard",
              group,
              Cmid.random(new java.security.SecureRandom()).format(),
              Instant.now(),
              Optional.empty());
      HttpResponse<String> answer =
          http.send(
              HttpRequest.newBuilder(URI.create(host.url() + "/v1/volume/activate"))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(Json.write(r.toJson())))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(answer.statusCode()).isIn(200, 409);
    }
  }
}
