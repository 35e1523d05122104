package dev.keyward.core.compliance;

import java.util.List;
import java.util.Objects;

/** The result of reading a compliance input: the input, or every problem found in it. */
public sealed interface ParseOutcome {

  record Accepted(ComplianceInput input) implements ParseOutcome {
    public Accepted {
      Objects.requireNonNull(input, "input");
    }
  }

  record Rejected(List<InputProblem> problems) implements ParseOutcome {
    public Rejected {
      problems = List.copyOf(problems);
      if (problems.isEmpty()) {
        throw new IllegalArgumentException("a rejection names at least one problem");
      }
    }
  }
}
