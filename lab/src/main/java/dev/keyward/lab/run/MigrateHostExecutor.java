package dev.keyward.lab.run;

import dev.keyward.lab.scenario.Step;
import java.util.Optional;

/**
 * {@code {migrate: M, host: H}}: the guest M moves to the host H (a live migration: its virtual
 * hardware stays); its machine file now names H's agent channel, which answers only while H runs
 * {@code vm-host start}.
 */
final class MigrateHostExecutor implements StepExecutor<Step.MigrateHost> {
  private final LabSession lab;

  MigrateHostExecutor(LabSession lab) {
    this.lab = lab;
  }

  @Override
  public String title(Step.MigrateHost m) {
    return "migrate " + m.machine() + " to host " + m.host();
  }

  @Override
  public StepResult execute(Step.MigrateHost step, String title) {
    LabMachine m = lab.machine(step.machine());
    String from = m.host.orElse("(no host)");
    m.host = Optional.of(step.host());
    m.vmHost = Optional.of(LabVmHosts.channel(lab.dir, step.host()));
    m.write();
    lab.transcript.note(title + ": " + from + " -> " + step.host() + ", hardware unchanged");
    return StepResult.passed(step.line(), title);
  }
}
