package dev.keyward.lab.scenario;

import static dev.keyward.core.yaml.YamlSource.join;

import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;

/** {@code {advance: 181d}}: the virtual clock moves for everyone. */
final class AdvanceStepReader implements StepReader {
  private final StepFields fields;

  AdvanceStepReader(StepFields fields) {
    this.fields = fields;
  }

  @Override
  public String field() {
    return "advance";
  }

  @Override
  public Optional<Step> read(MappingNode m, String path, int line, Optional<String> pending) {
    fields.src.rejectUnknown(m, path, List.of("advance", "pending"));
    return fields
        .src
        .requiredString(m, path, "advance")
        .flatMap(text -> fields.duration(m, join(path, "advance"), text))
        .map(d -> new Step.Advance(line, d, pending));
  }
}
