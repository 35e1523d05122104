package dev.keyward.lab.run;

import dev.keyward.core.hardware.Component;
import dev.keyward.core.hardware.MachineFacts;
import dev.keyward.lab.scenario.Step;

/** {@code {hardware: M, change: [nic, disk]}}: those components get new values of M's platform. */
final class HardwareExecutor implements StepExecutor<Step.Hardware> {
  private final LabSession lab;

  HardwareExecutor(LabSession lab) {
    this.lab = lab;
  }

  @Override
  public String title(Step.Hardware h) {
    return "hardware " + h.machine() + ": " + Transcript.names(h.change());
  }

  @Override
  public StepResult execute(Step.Hardware step, String title) {
    LabMachine m = lab.machine(step.machine());
    MachineFacts fresh = m.profile.newMachine(lab.random);
    MachineFacts next = m.facts;
    for (Component c : step.change()) {
      String value =
          fresh.component(c).orElse("changed-" + Integer.toHexString(lab.random.nextInt()));
      if (value.equals(next.component(c).orElse(null))) {
        value = value + "-2";
      }
      next = next.with(c, value);
    }
    m.facts = next;
    m.write();
    lab.transcript.note(title + " replaced");
    return StepResult.passed(step.line(), title);
  }
}
