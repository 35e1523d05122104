package dev.keyward.core.hardware;

import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.error.Failure;
import java.util.List;

/** The outcome of {@link TolerancePolicy#validate}: a usable policy, or what is wrong with it. */
public sealed interface TolerancePolicyCheck {

  record Valid(TolerancePolicy policy) implements TolerancePolicyCheck {}

  /**
   * @param problems one sentence per problem, never empty
   */
  record Invalid(List<String> problems) implements TolerancePolicyCheck {
    public Invalid {
      problems = List.copyOf(problems);
      if (problems.isEmpty()) {
        throw new IllegalArgumentException("an invalid policy has at least one problem");
      }
    }

    /** The problems as the catalog error they are. */
    public Failure failure() {
      return Failure.of(
          ErrorCode.CATALOG_INVALID, "hardware tolerance: " + String.join("; ", problems));
    }
  }
}
