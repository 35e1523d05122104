package dev.keyward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.authority.AuthorityConfig;
import dev.keyward.authority.AuthorityServer;
import dev.keyward.client.KeywardClient;
import dev.keyward.core.catalog.CatalogLoader;
import dev.keyward.core.catalog.Channel;
import dev.keyward.core.hardware.Cmid;
import dev.keyward.core.volume.VolumeRequest;
import dev.keyward.machines.LabProfile;
import dev.keyward.volumehost.VolumeHost;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A vendor's authority and a customer's machines for CLI scenarios: a real authority in-process on
 * a random port, lab machines from machine files each with its own store, volume hosts activated
 * against the authority, and the keyward command run in-process as an administrator would.
 */
final class Site implements AutoCloseable {
  /** A command line the command does not take: exit status 2, not 1. */
  static final String USAGE_MISTAKE = "0xC0DE000B";

  final Path dir;
  final Clock clock;
  final AuthorityServer authority;
  final CliRunner cli;
  private final AtomicInteger machines = new AtomicInteger();
  private final Random random;
  private final List<AutoCloseable> running = new ArrayList<>();

  /** A site on the system clock: the authority and the machines share it, so no skew. */
  Site(Path dir, long seed) {
    this(dir, seed, Clock.systemUTC());
  }

  /** A site whose authority, machines and hosts all read {@code clock}, the test's to move. */
  Site(Path dir, long seed, Clock clock) {
    this.dir = dir;
    this.clock = clock;
    this.random = new Random(seed);
    authority = startAuthority(dir.resolve("authority-data"), clock);
    cli = new CliRunner(dir, Map.of(), clock);
  }

  /**
   * An authority in-process on a loopback port, its data in {@code dataDir} (SQLite): the builtin
   * catalog, lab machines allowed, no rate limits, on {@code clock}.
   */
  static AuthorityServer startAuthority(Path dataDir, Clock clock) {
    return AuthorityServer.start(
        AuthorityConfig.builder()
            .dataDir(dataDir)
            .port(0)
            .bind("127.0.0.1")
            .jdbcUrl(Optional.empty())
            .catalog("builtin:winserver")
            .allowSimulatedMachines(true)
            .noRateLimits()
            .clock(clock)
            .build());
  }

  @Override
  public void close() {
    for (AutoCloseable c : running) {
      try {
        c.close();
      } catch (Exception e) {
        // already stopped by the test
      }
    }
    authority.close();
  }

  /** Closes {@code thing} (a host, an agent, a DNS server) with the site, before the authority. */
  <T extends AutoCloseable> T closeAtEnd(T thing) {
    running.add(thing);
    return thing;
  }

  /** The authority's published trust.json: what an isolated machine is given by hand. */
  Path trustFile() {
    return authority.dataDir().resolve("trust.json");
  }

  SiteMachine machine(LabProfile profile) {
    return new SiteMachine(this, "machine-", profile, false);
  }

  /** A machine that cannot reach the authority; it trusts the authority's copied trust.json. */
  SiteMachine isolated(LabProfile profile) {
    return new SiteMachine(this, "machine-", profile, true);
  }

  /** A machine named {@code prefix} and a number: a guest's name is its machine file's. */
  SiteMachine named(String prefix, LabProfile profile) {
    return new SiteMachine(this, prefix, profile, false);
  }

  /** The next machine's number, from 1. */
  int nextMachine() {
    return machines.incrementAndGet();
  }

  /** The site's one random source: machines drawn in the same order come out the same. */
  Random random() {
    return random;
  }

  /** An admin command as {@code actor} (null: the token's default actor), whatever it answers. */
  CliRunner.Result adminRun(String actor, String... args) {
    return cli.run(adminArgs(actor, args).toArray(String[]::new));
  }

  private List<String> adminArgs(String actor, String... args) {
    List<String> all =
        new ArrayList<>(
            List.of(
                "admin",
                "--authority",
                authority.uri().toString(),
                "--token",
                authority.adminToken()));
    if (actor != null) {
      all.addAll(List.of("--actor", actor));
    }
    all.addAll(List.of(args));
    return all;
  }

  /** An admin command as {@code actor} (null: the token's default actor), expected to succeed. */
  CliRunner.Result admin(String actor, String... args) {
    CliRunner.Result r = adminRun(actor, args);
    assertThat(r.exit()).as(r.toString()).isZero();
    return r;
  }

  /** An admin command with --json, expected to be refused with {@code code}. */
  CliRunner.Result adminFails(String code, String actor, String... args) {
    List<String> all = new ArrayList<>(List.of("--json"));
    all.addAll(adminArgs(actor, args));
    CliRunner.Result r = cli.run(all.toArray(String[]::new));
    assertThat(r.exit()).as(r.toString()).isEqualTo(KeywardCli.REFUSED);
    assertThat(r.errorCode()).as(r.toString()).contains(code);
    return r;
  }

  Map<String, Object> adminJson(String actor, String... args) {
    List<String> all = new ArrayList<>(List.of("--json"));
    all.addAll(adminArgs(actor, args));
    CliRunner.Result r = cli.run(all.toArray(String[]::new));
    assertThat(r.exit()).as(r.toString()).isZero();
    return r.json();
  }

  String issue(String version, String edition, String channel, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "keys", "issue", "--version", version, "--edition", edition, "--channel", channel));
    args.addAll(List.of(more));
    String out = admin(null, args.toArray(String[]::new)).out().strip();
    assertThat(out).matches("[A-Z0-9]{5}(-[A-Z0-9]{5}){4}");
    return out;
  }

  /** A KMS host key of {@code version} (Standard and Datacenter hosts take the same one). */
  String issueHostKey(String version) {
    String out =
        admin(null, "keys", "issue", "--version", version, "--channel", "VOLUME_KMS_HOST")
            .out()
            .strip();
    assertThat(out).matches("[A-Z0-9]{5}(-[A-Z0-9]{5}){4}");
    return out;
  }

  /** A support agent confirms an installation ID read out on the phone: the CID. */
  String phone(String agent, String iid, String reason) {
    Map<String, Object> answer = adminJson(agent, "phone", iid, "--reason", reason);
    return (String) answer.get("cid");
  }

  /** A Hyper-V machine activated online with a KMS host key of {@code version}, serving. */
  VolumeHost volumeHost(String version) {
    SiteMachine m = machine(LabProfile.HYPERV_VM);
    m.ok("init", "--product", "winserver", "--version", version, "--edition", "ServerStandard");
    m.ok("slmgr", "/ipk", issueHostKey(version));
    m.ok("slmgr", "/ato");
    VolumeHost host = serveVolume(m);
    assertThat(host.activated()).isTrue();
    return host;
  }

  /** {@code keyward volume-host serve} on {@code m}'s store, on loopback, on the site's clock. */
  VolumeHost serveVolume(SiteMachine m) {
    return closeAtEnd(
        VolumeHost.start(
            new VolumeHost.Config(client(m), "127.0.0.1", 0, Optional.empty(), clock)));
  }

  /** The client SDK on {@code m}'s store and machine, as a host runs it. */
  KeywardClient client(SiteMachine m) {
    return KeywardClient.builder()
        .store(m.store)
        .machine(() -> m.facts)
        .authority(authority.uri())
        .trust(authority.trustedKeys())
        .clock(clock)
        .build();
  }

  /** Five other machines asked {@code host}, so that it activates the next one. */
  void warmUp(VolumeHost host) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    for (int i = 0; i < 5; i++) {
      String request = volumeRequest(Cmid.random(new SecureRandom()).format(), clock.instant());
      HttpResponse<String> answer =
          http.send(
              HttpRequest.newBuilder(URI.create(host.url() + "/v1/volume/activate"))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(request))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(answer.statusCode()).isIn(200, 409);
    }
  }

  /** A volume client's request body for winserver 2022 ServerStandard, machine {@code cmid}. */
  static String volumeRequest(String cmid, Instant at) {
    int group =
        CatalogLoader.winserver()
            .product("winserver")
            .orElseThrow()
            .keyGroup("2022", "ServerStandard", Channel.VOLUME_KMSCLIENT)
            .orElseThrow()
            .number();
    return new VolumeRequest(
            "winserver", "2022", "ServerStandard", group, cmid, at, Optional.empty())
        .toJsonText();
  }
}
