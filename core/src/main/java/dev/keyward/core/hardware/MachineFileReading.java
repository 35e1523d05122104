package dev.keyward.core.hardware;

import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.error.Failure;
import dev.keyward.core.yaml.SourceProblem;
import java.util.List;
import java.util.Objects;

/** The outcome of {@link MachineFile#read}: the machine, or every mistake found in the file. */
public sealed interface MachineFileReading {

  record Loaded(MachineFile file) implements MachineFileReading {
    public Loaded {
      Objects.requireNonNull(file, "file");
    }
  }

  /**
   * @param problems every mistake found, in file order; never empty. Each names its key in the
   *     message and has no separate field, so it prints as {@code machine.yaml:3:5: message}.
   */
  record Rejected(List<SourceProblem> problems) implements MachineFileReading {
    public Rejected {
      problems = List.copyOf(problems);
      if (problems.isEmpty()) {
        throw new IllegalArgumentException("a rejected file has at least one problem");
      }
    }

    /** The problems as one error for the CLI or an API response, one problem per line. */
    public Failure failure() {
      return Failure.of(
          ErrorCode.INPUT_FILE_INVALID, "invalid machine file:\n" + SourceProblem.lines(problems));
    }
  }
}
