package dev.keyward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.core.hardware.Component;
import dev.keyward.core.hardware.MachineFacts;
import dev.keyward.core.hardware.MachineFile;
import dev.keyward.core.json.Json;
import dev.keyward.machines.LabProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A lab machine of a {@link Site}: its machine file and its own store, and the keyward command run
 * on it (against the site's authority, or isolated from it) as an administrator would.
 */
final class SiteMachine {
  private final Site site;
  final String name;
  final Path file;
  final Path store;
  final boolean isolated;

  /** Options given before every command, after the site's (e.g. {@code --dns}). */
  final List<String> extra = new ArrayList<>();

  MachineFacts facts;
  private Optional<String> domain = Optional.empty();
  private Optional<String> vmHost = Optional.empty();

  SiteMachine(Site site, String prefix, LabProfile profile, boolean isolated) {
    this.site = site;
    this.name = prefix + site.nextMachine();
    this.file = site.dir.resolve(name + ".yaml");
    this.store = site.dir.resolve("store-" + name);
    this.isolated = isolated;
    this.facts = profile.newMachine(site.random());
    write();
  }

  private void write() {
    try {
      Files.writeString(file, new MachineFile(facts, Optional.empty(), domain, vmHost).write());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void migrate(LabProfile to, Component... keep) {
    EnumSet<Component> kept = EnumSet.noneOf(Component.class);
    kept.addAll(Arrays.asList(keep));
    facts = LabProfile.migrate(facts, to, kept, site.random());
    write();
  }

  /** The machine joins the DNS domain {@code name}, where it looks for volume hosts. */
  SiteMachine inDomain(String name) {
    domain = Optional.of(name);
    write();
    return this;
  }

  /** The guest's channel to its host agent, or none: the machine file says so from now on. */
  SiteMachine moveTo(Optional<String> hostAgent) {
    vmHost = hostAgent;
    write();
    return this;
  }

  private String[] args(String... args) {
    List<String> all = new ArrayList<>(List.of("--store", store.toString()));
    all.addAll(List.of("--machine", file.toString()));
    if (isolated) {
      all.addAll(
          List.of("--authority", "http://127.0.0.1:9", "--trust", site.trustFile().toString()));
    } else {
      all.addAll(
          List.of(
              "--authority",
              site.authority.uri().toString(),
              "--trust",
              site.trustFile().toString()));
    }
    all.addAll(extra);
    all.addAll(List.of(args));
    return all.toArray(String[]::new);
  }

  CliRunner.Result run(String... args) {
    return checked(site.cli.run(args(args)));
  }

  CliRunner.Result type(String input, String... args) {
    return checked(site.cli.runWithInput(input, args(args)));
  }

  private static CliRunner.Result checked(CliRunner.Result r) {
    assertThat(r.out() + r.err()).as("no stack trace").doesNotContain("\tat ");
    return r;
  }

  SiteMachine init(String version, String edition) {
    ok("init", "--product", "winserver", "--version", version, "--edition", edition);
    return this;
  }

  CliRunner.Result ok(String... args) {
    CliRunner.Result r = run(args);
    assertThat(r.exit()).as(r.toString()).isZero();
    return r;
  }

  /**
   * Runs with --json and expects the error code: exit status 2 for a usage mistake (0xC0DE000B), 1
   * for a refusal (docs/cli.md).
   */
  CliRunner.Result fails(String code, String... args) {
    CliRunner.Result r = refused(args);
    assertThat(r.errorCode()).as(r.toString()).contains(code);
    return r;
  }

  /** Runs with --json, expects an error, and answers its code and message: "0x… message". */
  String refusal(String... args) {
    CliRunner.Result r = refused(args);
    return r.errorCode().orElseThrow() + " " + r.error().get("message");
  }

  private CliRunner.Result refused(String... args) {
    List<String> all = new ArrayList<>(List.of("--json"));
    all.addAll(List.of(args));
    CliRunner.Result r = run(all.toArray(String[]::new));
    String code = r.errorCode().orElseThrow(() -> new AssertionError(r.toString()));
    int exit = code.equals(Site.USAGE_MISTAKE) ? KeywardCli.USAGE : KeywardCli.REFUSED;
    assertThat(r.exit()).as(r.toString()).isEqualTo(exit);
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

  /** {@code slmgr /dli}'s licence status, e.g. Licensed. */
  String status() {
    return (String) dli().get("licenseStatus");
  }

  /** The volume client's block of {@code slmgr /dlv}. */
  @SuppressWarnings("unchecked")
  Map<String, Object> volumeClient() {
    return (Map<String, Object>) json("slmgr", "/dlv").get("volumeClient");
  }

  /** The events with {@code id} in the store's event log, oldest first. */
  List<Map<String, Object>> events(int id) throws IOException {
    Path log = store.resolve("winserver").resolve("events.jsonl");
    List<Map<String, Object>> found = new ArrayList<>();
    if (Files.exists(log)) {
      for (String line : Files.readAllLines(log)) {
        Json.readObject(line)
            .filter(e -> e.get("id") instanceof Number n && n.intValue() == id)
            .ifPresent(found::add);
      }
    }
    return found;
  }

  /** {@code slmgr /dti}: the installation ID as shown. */
  String iid() {
    return (String) json("slmgr", "/dti").get("installationId");
  }

  /**
   * {@code keyward --store … --machine … --trust TRUST ARGS…} as a JVM of its own (a server the
   * administrator starts: {@code volume-host serve}, {@code vm-host serve}), its stderr in {@code
   * stderr}.
   */
  Process startProcess(Path trust, Path stderr, String... args) throws java.io.IOException {
    String jvm = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    java.util.List<String> command =
        new java.util.ArrayList<>(
            java.util.List.of(
                jvm,
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                System.getProperty("java.class.path"),
                KeywardCli.class.getName(),
                "--store",
                store.toString(),
                "--machine",
                file.toString(),
                // the vendor trust, without which the machine's own activation proves nothing
                "--trust",
                trust.toString()));
    command.addAll(java.util.List.of(args));
    return new ProcessBuilder(command).redirectError(stderr.toFile()).start();
  }
}
