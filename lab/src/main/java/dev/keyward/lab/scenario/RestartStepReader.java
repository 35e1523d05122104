package dev.keyward.lab.scenario;

import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;

/** {@code {restart: M, expect: {…}}}: the same as {@code {on: M, run: restart}}. */
final class RestartStepReader implements StepReader {
  private final StepFields fields;

  RestartStepReader(StepFields fields) {
    this.fields = fields;
  }

  @Override
  public String field() {
    return "restart";
  }

  @Override
  public Optional<Step> read(MappingNode m, String path, int line, Optional<String> pending) {
    fields.src.rejectUnknown(m, path, List.of("restart", "expect", "pending"));
    Optional<String> machine = fields.machine(m, path, "restart");
    Expectation expect = fields.expectation(m, path);
    return machine.map(mm -> new Step.Run(line, mm, "restart", expect, pending));
  }
}
