package dev.keyward.lab.run;

import java.util.List;
import java.util.Objects;

/**
 * How one step went.
 *
 * @param line the step's line in the scenario file (0 for the setup: keys and machines)
 * @param title the step as the transcript shows it, e.g. {@code srv1> slmgr /ato}
 * @param status passed, failed or pending
 * @param mismatches for a failed step, each expectation that was not met
 * @param note why it is pending, or what went wrong when it could not run at all
 */
public record StepResult(
    int line, String title, Status status, List<Checks.Mismatch> mismatches, String note) {
  public enum Status {
    PASSED,
    FAILED,
    PENDING
  }

  public StepResult {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(status, "status");
    mismatches = List.copyOf(mismatches);
    Objects.requireNonNull(note, "note");
  }

  static StepResult passed(int line, String title) {
    return new StepResult(line, title, Status.PASSED, List.of(), "");
  }

  static StepResult failed(int line, String title, String note) {
    return new StepResult(line, title, Status.FAILED, List.of(), note);
  }
}
