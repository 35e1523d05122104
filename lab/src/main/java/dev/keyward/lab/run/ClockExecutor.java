package dev.keyward.lab.run;

import dev.keyward.core.time.DurationText;
import dev.keyward.lab.scenario.Step;

/**
 * {@code {clock: M, skew: 5h}}: M's clock runs that far from the lab's (what M's commands read).
 */
final class ClockExecutor implements StepExecutor<Step.Clock> {
  private final LabSession lab;

  ClockExecutor(LabSession lab) {
    this.lab = lab;
  }

  @Override
  public String title(Step.Clock c) {
    return "clock "
        + c.machine()
        + " skew "
        + (c.skew().isNegative() ? "-" + DurationText.format(c.skew().negated()) : skew(c));
  }

  private static String skew(Step.Clock c) {
    return c.skew().isZero() ? "0s" : "+" + DurationText.format(c.skew());
  }

  @Override
  public StepResult execute(Step.Clock step, String title) {
    LabMachine m = lab.machine(step.machine());
    m.skew = step.skew();
    lab.transcript.note(
        title + ": its clock reads " + Transcript.DATE.format(lab.clock(m).instant()));
    return StepResult.passed(step.line(), title);
  }
}
