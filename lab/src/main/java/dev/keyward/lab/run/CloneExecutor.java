package dev.keyward.lab.run;

import dev.keyward.lab.scenario.Step;

/** {@code {clone: M, as: M2}}: a copy of M, its machine file and its store (same key and CMID). */
final class CloneExecutor implements StepExecutor<Step.Clone> {
  private final LabSession lab;

  CloneExecutor(LabSession lab) {
    this.lab = lab;
  }

  @Override
  public String title(Step.Clone c) {
    return "clone " + c.machine() + " as " + c.as();
  }

  @Override
  public StepResult execute(Step.Clone step, String title) {
    LabMachine m = lab.machine(step.machine());
    LabMachine copy =
        new LabMachine(
            step.as(),
            m.product,
            m.profile,
            m.facts,
            lab.dir.resolve("store-" + step.as()),
            lab.dir.resolve(step.as() + ".machine.yaml"));
    copy.connected = m.connected;
    copy.domain = m.domain;
    copy.skew = m.skew;
    copy.cutOff.addAll(m.cutOff);
    LabFiles.copyTree(m.store, copy.store);
    copy.write();
    lab.machines.put(copy.name, copy);
    lab.transcript.note(
        title + ": disk, license store and machine file copied (same hardware, same CMID)");
    return StepResult.passed(step.line(), title);
  }
}
