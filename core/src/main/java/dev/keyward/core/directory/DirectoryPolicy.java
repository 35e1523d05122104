package dev.keyward.core.directory;

import java.time.Duration;
import java.time.Instant;

/**
 * The timers of directory-based activation (SPEC §12), beside the volume ones of the catalog's
 * {@code VolumePolicy}: an activation from an object lasts 180 days from the check that found it,
 * and the client checks the directory again every 7 days.
 */
public record DirectoryPolicy(Duration validity, Duration recheck) {
  public static final DirectoryPolicy DEFAULT =
      new DirectoryPolicy(Duration.ofDays(180), Duration.ofDays(7));

  public DirectoryPolicy {
    if (validity.isNegative() || validity.isZero() || recheck.isNegative() || recheck.isZero()) {
      throw new IllegalArgumentException("directory intervals must be positive");
    }
  }

  /** When an activation found by the check at {@code checkedAt} ends. */
  public Instant expiresAt(Instant checkedAt) {
    return checkedAt.plus(validity);
  }

  /** Whether the check of {@code checkedAt} is due again at {@code now}. */
  public boolean recheckDue(Instant checkedAt, Instant now) {
    return !now.isBefore(checkedAt.plus(recheck));
  }
}
