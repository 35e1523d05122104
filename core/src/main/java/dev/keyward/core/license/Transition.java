package dev.keyward.core.license;

import dev.keyward.core.error.Failure;
import java.util.Objects;

/**
 * The outcome of {@link LicenseMachine#apply}: the record to keep, or why the event was refused.
 */
public sealed interface Transition {

  /**
   * The event was applied. {@code next} is the record to store; it may equal the settled input when
   * the event changes nothing (hardware within tolerance, repairing an intact store).
   */
  record Moved(LicenseRecord next) implements Transition {
    public Moved {
      Objects.requireNonNull(next, "next");
    }
  }

  /**
   * The event was refused and changed nothing. The caller keeps its record; {@link
   * LicenseMachine#settle} gives it caught up to the present, if it wants to store that.
   */
  record Refused(Failure failure) implements Transition {
    public Refused {
      Objects.requireNonNull(failure, "failure");
    }
  }
}
