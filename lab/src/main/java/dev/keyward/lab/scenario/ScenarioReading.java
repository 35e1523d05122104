package dev.keyward.lab.scenario;

import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.error.Failure;
import dev.keyward.core.yaml.SourceProblem;
import java.util.List;

/** A scenario file read: the scenario, or every mistake in it with its line. */
public sealed interface ScenarioReading {
  record Read(Scenario scenario) implements ScenarioReading {}

  record Rejected(List<SourceProblem> problems) implements ScenarioReading {
    public Rejected {
      problems = List.copyOf(problems);
    }

    public Failure failure() {
      return Failure.of(
          ErrorCode.INPUT_FILE_INVALID, "invalid scenario:\n" + SourceProblem.lines(problems));
    }
  }
}
