package dev.keyward.lab.run;

import dev.keyward.lab.scenario.Step;

/**
 * {@code {network: M, cut: authority}} / {@code {network: M, restore: authority}}: M's authority
 * address leads to a closed port of 127.0.0.1, or back to the authority. {@code {network: M, cut:
 * H}} / {@code restore: H} with another machine: M no longer reaches H (a volume host), or again.
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
      LabMachine other = lab.machine(step.target());
      if (step.connected()) {
        m.cutOff.remove(other.name);
      } else {
        m.cutOff.add(other.name);
      }
      lab.transcript.note(
          title
              + (step.connected()
                  ? ": it reaches " + other.name + " again"
                  : ": its packets to " + other.name + " go nowhere"));
      return StepResult.passed(step.line(), title);
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
