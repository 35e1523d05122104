package dev.keyward.lab.run;

import dev.keyward.core.time.DurationText;
import dev.keyward.lab.scenario.Step;
import java.time.Instant;

/** {@code {advance: 181d}}: the virtual clock moves forward for the authority and every machine. */
final class AdvanceExecutor implements StepExecutor<Step.Advance> {
  private final LabSession lab;

  AdvanceExecutor(LabSession lab) {
    this.lab = lab;
  }

  @Override
  public String title(Step.Advance a) {
    return "advance " + DurationText.format(a.by());
  }

  @Override
  public StepResult execute(Step.Advance a, String title) {
    Instant now = lab.clock.advance(a.by());
    lab.transcript.note(title + ": the clock is now " + Transcript.DATE.format(now));
    return StepResult.passed(a.line(), title);
  }
}
