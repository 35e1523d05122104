package dev.keyward.lab.scenario;

import dev.keyward.core.yaml.YamlSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;

/**
 * Reads a scenario file (SPEC §14) and checks what can be checked before anything runs: machine and
 * key names, profiles, components, durations, and the {@code {key}} placeholders of commands. Each
 * section has its reader ({@link KeysReader}, {@link MachinesReader}, {@link DnsReader}) and each
 * kind of step its own ({@link StepReader}); every mistake is reported with its line (0xC0DE0009).
 */
public final class ScenarioParser {
  private static final List<String> TOP =
      List.of("name", "catalog", "keys", "machines", "dns", "steps");

  private final YamlSource src;
  private final Map<String, KeySpec> keys = new LinkedHashMap<>();
  private final StepFields fields;
  // in the order they are tried: the first whose field the step has reads it
  private final List<StepReader> readers;

  private ScenarioParser(YamlSource src) {
    this.src = src;
    this.fields = new StepFields(src, keys);
    this.readers =
        List.of(
            // before on/run: {support: phone, on: M} names a machine with on:
            new SupportStepReader(fields),
            new RunStepReader(fields),
            new RestartStepReader(fields),
            new AdvanceStepReader(fields),
            new MigrateStepReader(fields),
            new CloneStepReader(fields),
            new GeneralizeStepReader(fields),
            new HardwareStepReader(fields),
            new NetworkStepReader(fields),
            new ClockStepReader(fields),
            new FollowStepReader(fields),
            new TamperStepReader(fields));
  }

  public static ScenarioReading parse(String text, String file) {
    YamlSource src = YamlSource.parse(text, file);
    ScenarioParser parser = new ScenarioParser(src);
    Optional<Scenario> scenario = parser.read();
    if (src.hasProblems() || scenario.isEmpty()) {
      return new ScenarioReading.Rejected(src.problems());
    }
    return new ScenarioReading.Read(scenario.get());
  }

  private Optional<Scenario> read() {
    Optional<MappingNode> root =
        src.rootMapping("a scenario has name, keys, machines and steps (see `keyward lab new`)");
    if (root.isEmpty()) {
      return Optional.empty();
    }
    MappingNode r = root.get();
    src.rejectUnknown(r, "", TOP);
    String name = src.requiredString(r, "", "name").orElse("");
    String catalog = src.optionalString(r, "", "catalog").orElse("builtin:winserver");
    src.field(r, "keys")
        .flatMap(n -> src.mapping(n, "keys"))
        .ifPresent(m -> keys.putAll(new KeysReader(src).read(m)));
    Map<String, MachineSpec> machines =
        src.field(r, "machines")
            .flatMap(n -> src.mapping(n, "machines"))
            .map(m -> new MachinesReader(src).read(m, fields))
            .orElse(Map.of());
    List<DnsRecord> dns =
        src.field(r, "dns")
            .map(n -> new DnsReader(src).read(n, machines.keySet()))
            .orElse(List.of());
    List<Step> steps = new ArrayList<>();
    List<Node> items =
        src.required(r, "", "steps").map(n -> src.sequence(n, "steps")).orElse(List.of());
    for (int i = 0; i < items.size(); i++) {
      String path = "steps[" + i + "]";
      src.mapping(items.get(i), path).flatMap(m -> readStep(m, path)).ifPresent(steps::add);
    }
    return Optional.of(new Scenario(name, src.file(), catalog, keys, machines, dns, steps));
  }

  private Optional<Step> readStep(MappingNode m, String path) {
    int line = m.getStartMark().map(mark -> mark.getLine() + 1).orElse(0);
    Optional<String> pending = src.optionalString(m, path, "pending");
    Map<String, NodeTuple> entries = src.entries(m);
    for (StepReader reader : readers) {
      if (entries.containsKey(reader.field())) {
        return reader.read(m, path, line, pending);
      }
    }
    src.problem(
        m,
        path,
        "unknown step; a step is one of on/run, restart, advance, migrate, clone, generalize,"
            + " hardware, network, support, clock");
    return Optional.empty();
  }
}
