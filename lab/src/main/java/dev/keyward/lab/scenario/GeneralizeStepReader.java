package dev.keyward.lab.scenario;

import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;

/** {@code {generalize: M}}: a new client machine ID in M's store. */
final class GeneralizeStepReader implements StepReader {
  private final StepFields fields;

  GeneralizeStepReader(StepFields fields) {
    this.fields = fields;
  }

  @Override
  public String field() {
    return "generalize";
  }

  @Override
  public Optional<Step> read(MappingNode m, String path, int line, Optional<String> pending) {
    fields.src.rejectUnknown(m, path, List.of("generalize", "pending"));
    return fields.machine(m, path, "generalize").map(mm -> new Step.Generalize(line, mm, pending));
  }
}
