package dev.keyward.lab.scenario;

import static dev.keyward.core.yaml.YamlSource.join;

import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;

/**
 * {@code {network: M, cut: TARGET}} or {@code {network: M, restore: TARGET}}: TARGET is {@code
 * authority} or another machine (a volume host), known at that step.
 */
final class NetworkStepReader implements StepReader {
  static final String AUTHORITY = "authority";

  private final StepFields fields;

  NetworkStepReader(StepFields fields) {
    this.fields = fields;
  }

  @Override
  public String field() {
    return "network";
  }

  @Override
  public Optional<Step> read(MappingNode m, String path, int line, Optional<String> pending) {
    fields.src.rejectUnknown(m, path, List.of("network", "cut", "restore", "pending"));
    Optional<String> machine = fields.machine(m, path, "network");
    Optional<String> cut = fields.src.optionalString(m, path, "cut");
    Optional<String> restore = fields.src.optionalString(m, path, "restore");
    if (cut.isPresent() == restore.isPresent()) {
      fields.src.problem(
          m, path, "say either cut: TARGET or restore: TARGET (e.g. cut: authority)");
      return Optional.empty();
    }
    String field = cut.isPresent() ? "cut" : "restore";
    String target = cut.or(() -> restore).get();
    if (!target.equals(AUTHORITY) && !fields.isMachine(target)) {
      fields.src.problem(
          m,
          join(path, field),
          "'" + target + "' is neither authority nor a machine (" + fields.machineNames() + ")");
      return Optional.empty();
    }
    if (machine.filter(target::equals).isPresent()) {
      fields.src.problem(m, join(path, field), "a machine always reaches itself");
      return Optional.empty();
    }
    return machine.map(mm -> new Step.Network(line, mm, target, restore.isPresent(), pending));
  }
}
