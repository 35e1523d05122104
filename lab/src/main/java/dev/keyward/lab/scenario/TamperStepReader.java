package dev.keyward.lab.scenario;

import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;

/** {@code {tamper: M}}: M's license state is edited outside keyward. */
final class TamperStepReader implements StepReader {
  private final StepFields fields;

  TamperStepReader(StepFields fields) {
    this.fields = fields;
  }

  @Override
  public String field() {
    return "tamper";
  }

  @Override
  public Optional<Step> read(MappingNode m, String path, int line, Optional<String> pending) {
    fields.src.rejectUnknown(m, path, List.of("tamper", "pending"));
    return fields.machine(m, path, "tamper").map(mm -> new Step.Tamper(line, mm, pending));
  }
}
