package dev.keyward.lab.scenario;

import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;

/**
 * Reads one kind of step, recognised by its leading field ({@code on}, {@code advance}, {@code
 * support}…). Every mistake goes to the source with its line; empty when the step cannot be built.
 */
interface StepReader {
  /** The field that says a mapping is a step of this kind. */
  String field();

  Optional<Step> read(MappingNode m, String path, int line, Optional<String> pending);
}
