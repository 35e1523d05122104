package dev.keyward.compliance;

import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.error.Failure;
import dev.keyward.core.yaml.SourceProblem;
import java.util.List;
import java.util.Objects;

/** The result of reading a compliance input: the input, or every problem found in it. */
public sealed interface ParseOutcome {

  record Accepted(ComplianceInput input) implements ParseOutcome {
    public Accepted {
      Objects.requireNonNull(input, "input");
    }
  }

  /**
   * @param problems every problem found, in file order, each with its line and field; never empty
   */
  record Rejected(List<SourceProblem> problems) implements ParseOutcome {
    public Rejected {
      problems = List.copyOf(problems);
      if (problems.isEmpty()) {
        throw new IllegalArgumentException("a rejection names at least one problem");
      }
    }

    /** The problems as one error for the CLI or an API response, one problem per line. */
    public Failure failure() {
      return Failure.of(ErrorCode.INPUT_FILE_INVALID, SourceProblem.lines(problems));
    }
  }
}
