package dev.keyward.lab.scenario;

import static dev.keyward.core.yaml.YamlSource.join;

import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;

/** {@code {clone: M, as: M2}}: M2 exists from this step on. */
final class CloneStepReader implements StepReader {
  private final StepFields fields;

  CloneStepReader(StepFields fields) {
    this.fields = fields;
  }

  @Override
  public String field() {
    return "clone";
  }

  @Override
  public Optional<Step> read(MappingNode m, String path, int line, Optional<String> pending) {
    fields.src.rejectUnknown(m, path, List.of("clone", "as", "pending"));
    Optional<String> machine = fields.machine(m, path, "clone");
    Optional<String> as = fields.src.requiredString(m, path, "as");
    as.ifPresent(
        name -> {
          if (!fields.addMachine(name)) {
            fields.src.problem(
                m, join(path, "as"), "a machine named '" + name + "' already exists");
          }
        });
    return machine.flatMap(mm -> as.map(a -> new Step.Clone(line, mm, a, pending)));
  }
}
