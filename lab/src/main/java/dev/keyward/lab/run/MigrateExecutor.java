package dev.keyward.lab.run;

import dev.keyward.core.hardware.Component;
import dev.keyward.core.hardware.MachineFacts;
import dev.keyward.lab.scenario.Step;
import dev.keyward.machines.LabProfile;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code {migrate: M, to: PROFILE, keep: [uuid, serial]}}: a move to another platform (seed 001);
 * the components a hypervisor replaces take the new platform's values unless kept.
 */
final class MigrateExecutor implements StepExecutor<Step.Migrate> {
  private final LabSession lab;

  MigrateExecutor(LabSession lab) {
    this.lab = lab;
  }

  @Override
  public String title(Step.Migrate m) {
    return "migrate "
        + m.machine()
        + " to "
        + m.to()
        + (m.keep().isEmpty() ? "" : " keeping " + Transcript.names(m.keep()));
  }

  @Override
  public StepResult execute(Step.Migrate step, String title) {
    LabMachine m = lab.machine(step.machine());
    MachineFacts before = m.facts;
    LabProfile from = m.profile;
    m.facts = LabProfile.migrate(before, step.to(), step.keep(), lab.random);
    m.profile = step.to();
    m.write();
    lab.transcript.note(
        title
            + ": "
            + from
            + " -> "
            + step.to()
            + ", changed: "
            + Transcript.names(changed(before, m.facts))
            + (m.facts.oemMarker().isEmpty() && before.oemMarker().isPresent()
                ? " (the new firmware has no OEM marker)"
                : ""));
    return StepResult.passed(step.line(), title);
  }

  private static List<Component> changed(MachineFacts before, MachineFacts after) {
    List<Component> changed = new ArrayList<>();
    for (Component c : Component.values()) {
      if (!before.component(c).equals(after.component(c))) {
        changed.add(c);
      }
    }
    return changed;
  }
}
