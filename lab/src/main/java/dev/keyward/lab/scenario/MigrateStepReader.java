package dev.keyward.lab.scenario;

import dev.keyward.core.hardware.Component;
import dev.keyward.machines.LabProfile;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;

/**
 * {@code {migrate: M, to: PROFILE, keep: [uuid, serial]}}: a move to another platform; {@code
 * {migrate: M, host: H}}: a guest moved to another host.
 */
final class MigrateStepReader implements StepReader {
  private final StepFields fields;

  MigrateStepReader(StepFields fields) {
    this.fields = fields;
  }

  @Override
  public String field() {
    return "migrate";
  }

  @Override
  public Optional<Step> read(MappingNode m, String path, int line, Optional<String> pending) {
    if (fields.src.field(m, "host").isPresent()) {
      // a guest moved to another host: its virtual hardware stays
      fields.src.rejectUnknown(m, path, List.of("migrate", "host", "pending"));
      Optional<String> guest = fields.machine(m, path, "migrate");
      Optional<String> host = fields.machine(m, path, "host");
      return guest.flatMap(g -> host.map(h -> new Step.MigrateHost(line, g, h, pending)));
    }
    fields.src.rejectUnknown(m, path, List.of("migrate", "to", "keep", "pending"));
    Optional<String> machine = fields.machine(m, path, "migrate");
    Optional<LabProfile> to =
        fields.src.requiredValue(
            m,
            path,
            "to",
            LabProfile::byName,
            t -> "unknown profile '" + t + "' (" + LabProfile.allNames() + ")");
    Set<Component> keep = fields.components(m, path, "keep");
    return machine.flatMap(mm -> to.map(t -> new Step.Migrate(line, mm, t, keep, pending)));
  }
}
