package dev.keyward.lab.scenario;

import static dev.keyward.core.yaml.YamlSource.join;

import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;

/** {@code {on: M, run: "COMMAND", expect: {…}}}: a command on M's console. */
final class RunStepReader implements StepReader {
  private final StepFields fields;

  RunStepReader(StepFields fields) {
    this.fields = fields;
  }

  @Override
  public String field() {
    return "on";
  }

  @Override
  public Optional<Step> read(MappingNode m, String path, int line, Optional<String> pending) {
    fields.src.rejectUnknown(m, path, List.of("on", "run", "expect", "pending"));
    Optional<String> machine = fields.machine(m, path, "on");
    Optional<String> command = fields.src.requiredString(m, path, "run");
    command.ifPresent(c -> fields.checkPlaceholders(m, join(path, "run"), c));
    Expectation expect = fields.expectation(m, path);
    return machine.flatMap(mm -> command.map(c -> new Step.Run(line, mm, c, expect, pending)));
  }
}
