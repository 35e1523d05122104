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

/**
 * A vendor's authority and a customer's machines for CLI scenarios: a real authority in-process on
 * a random port, lab machines from machine files each with its own store, and the keyward command
 * run in-process as an administrator would.
 */
final class Site implements AutoCloseable {
  final Path dir;
  final AuthorityServer authority;
  final CliRunner cli;
  private final AtomicInteger machines = new AtomicInteger();
  private final Random random;

  Site(Path dir, long seed) {
    this.dir = dir;
    this.random = new Random(seed);
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

  @Override
  public void close() {
    authority.close();
  }

  /** The authority's published trust.json: what an isolated machine is given by hand. */
  Path trustFile() {
    return authority.dataDir().resolve("trust.json");
  }

  Machine machine(LabProfile profile) {
    return new Machine(profile, false);
  }

  /** A machine that cannot reach the authority; it trusts the authority's copied trust.json. */
  Machine isolated(LabProfile profile) {
    return new Machine(profile, true);
  }

  final class Machine {
    final Path file;
    final Path store;
    final boolean isolated;
    MachineFacts facts;

    Machine(LabProfile profile, boolean isolated) {
      int n = machines.incrementAndGet();
      this.file = dir.resolve("machine-" + n + ".yaml");
      this.store = dir.resolve("store-" + n);
      this.isolated = isolated;
      this.facts = profile.newMachine(random);
      write();
    }

    private void write() {
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

    private String[] args(String... args) {
      List<String> all = new ArrayList<>(List.of("--store", store.toString()));
      all.addAll(List.of("--machine", file.toString()));
      if (isolated) {
        all.addAll(List.of("--authority", "http://127.0.0.1:9", "--trust", trustFile().toString()));
      } else {
        all.addAll(
            List.of("--authority", authority.uri().toString(), "--trust", trustFile().toString()));
      }
      all.addAll(List.of(args));
      return all.toArray(String[]::new);
    }

    CliRunner.Result run(String... args) {
      return checked(cli.run(args(args)));
    }

    CliRunner.Result type(String input, String... args) {
      return checked(cli.runWithInput(input, args(args)));
    }

    private static CliRunner.Result checked(CliRunner.Result r) {
      assertThat(r.out() + r.err()).as("no stack trace").doesNotContain("\tat ");
      return r;
    }

    Machine init(String version, String edition) {
      ok("init", "--product", "winserver", "--version", version, "--edition", edition);
      return this;
    }

    CliRunner.Result ok(String... args) {
      CliRunner.Result r = run(args);
      assertThat(r.exit()).as(r.toString()).isZero();
      return r;
    }

    /** Runs with --json and expects the error code, exit status 1. */
    CliRunner.Result fails(String code, String... args) {
      List<String> all = new ArrayList<>(List.of("--json"));
      all.addAll(List.of(args));
      CliRunner.Result r = run(all.toArray(String[]::new));
      assertThat(r.exit()).as(r.toString()).isEqualTo(KeywardCli.REFUSED);
      assertThat(r.errorCode()).as(r.toString()).contains(code);
      assertThat(r.error()).containsKeys("name", "message", "remedy");
      return r;
    }

    Map<String, Object> json(String... args) {
      List<String> all = new ArrayList<>(List.of("--json"));
      all.addAll(List.of(args));
      CliRunner.Result r = run(all.toArray(String[]::new));
      assertThat(r.exit()).as(r.toString()).isZero();
      return r.json();
    }

    Map<String, Object> dli() {
      return json("slmgr", "/dli");
    }

    /** {@code slmgr /dti}: the installation ID as shown. */
    String iid() {
      return (String) json("slmgr", "/dti").get("installationId");
    }
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
    CliRunner.Result r = cli.run(adminArgs(actor, args).toArray(String[]::new));
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

  /** A support agent confirms an installation ID read out on the phone: the CID. */
  String phone(String agent, String iid, String reason) {
    Map<String, Object> answer = adminJson(agent, "phone", iid, "--reason", reason);
    return (String) answer.get("cid");
  }
}
