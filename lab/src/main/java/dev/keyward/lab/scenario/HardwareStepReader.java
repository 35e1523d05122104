package dev.keyward.lab.scenario;

import static dev.keyward.core.yaml.YamlSource.join;

import dev.keyward.core.hardware.Component;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;

/** {@code {hardware: M, change: [nic, disk]}}: those components get new values. */
final class HardwareStepReader implements StepReader {
  private final StepFields fields;

  HardwareStepReader(StepFields fields) {
    this.fields = fields;
  }

  @Override
  public String field() {
    return "hardware";
  }

  @Override
  public Optional<Step> read(MappingNode m, String path, int line, Optional<String> pending) {
    fields.src.rejectUnknown(m, path, List.of("hardware", "change", "pending"));
    Optional<String> machine = fields.machine(m, path, "hardware");
    Set<Component> change = fields.components(m, path, "change");
    if (change.isEmpty()) {
      fields.src.problem(
          m, join(path, "change"), "name the components that change, e.g. [nic, disk]");
    }
    return machine.map(mm -> new Step.Hardware(line, mm, change, pending));
  }
}
