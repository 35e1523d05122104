package dev.keyward.lab.run;

import dev.keyward.core.catalog.Catalog;
import dev.keyward.lab.scenario.Scenario;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The state of one scenario's run, shared by the setup and the step executors: the virtual clock,
 * the lab authority, the keys issued (by name), the machines (by name), the results so far, and how
 * a machine's console runs a keyward command.
 */
final class LabSession {
  final Scenario scenario;
  final Shell shell;
  final Transcript transcript;
  final Path dir;
  final VirtualClock clock;
  final Random random;
  final Catalog catalog;
  final LabAuthority authority;

  /** Where a machine cut off from the authority sends its requests: a closed port. */
  final String unreachable;

  final List<StepResult> results = new ArrayList<>();
  final Map<String, String> keys = new LinkedHashMap<>();
  // read by the lab DNS's threads too
  final Map<String, LabMachine> machines = new java.util.concurrent.ConcurrentHashMap<>();
  final LabDns dns;
  final LabVolumeHosts hosts;
  final LabVmHosts vmHosts;
  final LabDirectories directories;

  LabSession(
      Scenario scenario,
      Shell shell,
      Transcript transcript,
      Path dir,
      VirtualClock clock,
      Catalog catalog,
      LabAuthority authority,
      String unreachable) {
    this.scenario = scenario;
    this.shell = shell;
    this.transcript = transcript;
    this.dir = dir;
    this.clock = clock;
    this.random = new Random(scenario.name().hashCode());
    this.catalog = catalog;
    this.authority = authority;
    this.unreachable = unreachable;
    this.dns = new LabDns(scenario.dns(), machines);
    this.hosts = new LabVolumeHosts(this);
    this.vmHosts = new LabVmHosts(this);
    this.directories = new LabDirectories(this);
  }

  /** M's clock: the lab's, moved by M's skew ({@code {clock: M, skew: 5h}}). */
  java.time.Clock clock(LabMachine m) {
    return m.skew.isZero() ? clock : java.time.Clock.offset(clock, m.skew);
  }

  String file() {
    return scenario.file();
  }

  LabMachine machine(String name) {
    LabMachine m = machines.get(name);
    if (m == null) {
      throw new IllegalArgumentException("no machine named '" + name + "'");
    }
    return m;
  }

  /** The authority's address as the machine sees it: the authority, or nowhere when cut off. */
  String url(LabMachine m) {
    return m.connected ? authority.uri().toString() : unreachable;
  }

  /** Runs {@code keyward WORDS} on M's console: its store, machine file and authority address. */
  Shell.Result shell(LabMachine m, List<String> words, boolean json) {
    return shell(m, words, json, "");
  }

  /** The same, with INPUT typed at the command's questions. */
  Shell.Result shell(LabMachine m, List<String> words, boolean json, String input) {
    List<String> args = new ArrayList<>();
    args.addAll(
        List.of(
            "--store",
            m.store.toString(),
            "--machine",
            m.file.toString(),
            "--authority",
            url(m),
            // the lab is the vendor: its machines trust the lab authority's keys
            "--trust",
            authority.trustFile().toString()));
    if (json) {
      args.add("--json");
    }
    args.addAll(words);
    Map<String, String> env =
        Map.of("KEYWARD_TOKEN", authority.adminToken(), "KEYWARD_DNS", dns.server(m));
    return shell.run(new Shell.Invocation(args, dir, clock(m), env, input));
  }

  StepResult verdict(int line, String title, List<Checks.Mismatch> mismatches) {
    return transcript.verdict(file(), line, title, mismatches);
  }
}
