package dev.keyward.lab.scenario;

import static dev.keyward.core.yaml.YamlSource.join;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * {@code {follow: M, with: {KEY: "{std2019}"}, old: M0, orElse: true, finding: 0, expect: {…}}}:
 * diagnose M and run what its finding says.
 */
final class FollowStepReader implements StepReader {
  private final StepFields fields;

  FollowStepReader(StepFields fields) {
    this.fields = fields;
  }

  @Override
  public String field() {
    return "follow";
  }

  @Override
  public Optional<Step> read(MappingNode m, String path, int line, Optional<String> pending) {
    fields.src.rejectUnknown(
        m, path, List.of("follow", "with", "old", "orElse", "finding", "expect", "pending"));
    Optional<String> machine = fields.machine(m, path, "follow");
    Optional<String> old =
        fields.src.field(m, "old").isPresent() ? fields.machine(m, path, "old") : Optional.empty();
    int finding =
        fields
            .src
            .field(m, "finding")
            .flatMap(n -> fields.src.integer(n, join(path, "finding"), 0, 99))
            .orElse(0);
    boolean orElse =
        fields
            .src
            .field(m, "orElse")
            .map(n -> n instanceof ScalarNode scalar && scalar.getValue().equals("true"))
            .orElse(false);
    Map<String, String> with = new LinkedHashMap<>();
    fields.src.field(m, "with").ifPresent(n -> readWith(n, join(path, "with"), with));
    Expectation expect = fields.expectation(m, path);
    return machine.map(
        mm -> new Step.Follow(line, mm, finding, orElse, with, old, expect, pending));
  }

  private void readWith(Node node, String path, Map<String, String> with) {
    if (!(node instanceof MappingNode mapping)) {
      fields.src.problem(
          node, path, "with: maps placeholders to values, e.g. {KEY: \"{std2019}\"}");
      return;
    }
    fields
        .src
        .entries(mapping)
        .forEach(
            (name, tuple) ->
                fields
                    .src
                    .text(tuple.getValueNode(), join(path, name))
                    .ifPresent(
                        v -> {
                          fields.checkPlaceholders(tuple.getValueNode(), join(path, name), v);
                          with.put(name, v);
                        }));
  }
}
