package dev.keyward.core.hardware;

import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.error.Failure;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The outcome of {@link Tolerance#compare}: the machine is still the activated one ({@link
 * Within}), or it has changed too much ({@link Outside}). Both say which components changed and the
 * weighted score, because support and the event log show them either way.
 */
public sealed interface ToleranceResult {

  /** The components whose hashes differ, in canonical order. */
  Set<Component> changed();

  /** The summed weight of {@link #changed()} under the policy used. */
  int score();

  /** The same machine: the score is within the policy's limit. */
  record Within(Set<Component> changed, int score) implements ToleranceResult {
    public Within {
      changed = copy(changed);
    }
  }

  /**
   * Not the activated machine any more.
   *
   * @param failure {@link ErrorCode#OUT_OF_TOLERANCE}, naming the changed components
   */
  record Outside(Set<Component> changed, int score, Failure failure) implements ToleranceResult {
    public Outside {
      changed = copy(changed);
      Objects.requireNonNull(failure, "failure");
    }
  }

  private static Set<Component> copy(Set<Component> changed) {
    Set<Component> copy = EnumSet.noneOf(Component.class);
    copy.addAll(changed);
    return Collections.unmodifiableSet(copy);
  }
}
