package dev.keyward.lab.run;

import dev.keyward.lab.scenario.Step;

/**
 * {@code {network: M, cut: authority}} / {@code {network: M, restore: authority}}: M's authority
 * address leads to a closed port of 127.0.0.1, or back to the authority.
 */
final class NetworkExecutor implements StepExecutor<Step.Network> {
  private final LabSession lab;

  NetworkExecutor(LabSession lab) {
    this.lab = lab;
  }

  @Override
  public String title(Step.Network n) {
    return "network " + n.machine() + (n.connected() ? " restore " : " cut ") + n.target();
  }

  @Override
  public StepResult execute(Step.Network step, String title) {
    LabMachine m = lab.machine(step.machine());
    if (!step.target().equals("authority")) {
      throw new IllegalArgumentException(
          "only the authority can be cut off or restored in this version (network: M, cut:"
              + " authority); volume hosts and directories come later");
    }
    m.connected = step.connected();
    lab.transcript.note(
        title
            + (step.connected()
                ? ": it reaches the authority again"
                : ": its authority address now leads nowhere (" + lab.unreachable + ")"));
    return StepResult.passed(step.line(), title);
  }
}
