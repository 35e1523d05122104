package dev.keyward.lab.scenario;

import java.util.List;
import java.util.Map;

/**
 * A replayable support story (SPEC §14): the keys the lab authority issues before step 1, the
 * simulated machines, and the steps with what each must show.
 *
 * @param file the scenario file's name, for transcripts and failures
 * @param catalog {@code builtin:winserver} or a catalog file
 * @param dns the SRV records the lab DNS answers from the start
 */
public record Scenario(
    String name,
    String file,
    String catalog,
    Map<String, KeySpec> keys,
    Map<String, MachineSpec> machines,
    List<DnsRecord> dns,
    List<Step> steps) {
  public Scenario {
    keys = Map.copyOf(keys);
    machines = Map.copyOf(machines);
    dns = List.copyOf(dns);
    steps = List.copyOf(steps);
  }
}
