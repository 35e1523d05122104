package dev.keyward.lab.run;

import java.time.Duration;
import java.util.List;

/**
 * How one scenario file went.
 *
 * @param file the file as it was named
 * @param name the scenario's name (the file name when it could not be read)
 * @param steps every step in order, the setup first
 * @param elapsed wall-clock time of the run
 */
public record ScenarioResult(String file, String name, List<StepResult> steps, Duration elapsed) {
  public ScenarioResult {
    steps = List.copyOf(steps);
  }

  public long passed() {
    return count(StepResult.Status.PASSED);
  }

  public long failed() {
    return count(StepResult.Status.FAILED);
  }

  public long pending() {
    return count(StepResult.Status.PENDING);
  }

  public boolean ok() {
    return failed() == 0;
  }

  public List<StepResult> failures() {
    return steps.stream().filter(s -> s.status() == StepResult.Status.FAILED).toList();
  }

  /** Where a step is: {@code file:line}, or the file alone for the setup. */
  public String where(StepResult step) {
    return step.line() > 0 ? file + ":" + step.line() : file;
  }

  private long count(StepResult.Status status) {
    return steps.stream().filter(s -> s.status() == status).count();
  }
}
