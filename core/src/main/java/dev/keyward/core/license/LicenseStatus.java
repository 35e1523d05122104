package dev.keyward.core.license;

import dev.keyward.core.error.ErrorCode;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The license status at one moment, as {@code slmgr /dli}, {@code /dlv}, {@code /xpr} and {@code
 * --json} show it. Computed by {@link LicenseMachine#status}.
 *
 * @param state the state, deadlines up to now applied
 * @param reason why not Licensed; null exactly when Licensed
 * @param remaining time left in the state, never negative; null when the state does not end by
 *     itself (permanent Licensed, Notification, Unlicensed)
 * @param expires when the state ends (the grace end, or a Licensed activation's expiry); null when
 *     {@code remaining} is null: Licensed permanently says null
 * @param rearmRemaining rearms still available
 * @param enforcement what the application should do; present only in Notification
 * @param clockSetBack the clock is further behind the trusted-time anchor than the tolerance; the
 *     status was then computed at the anchor
 * @param evaluationEnd the end of the evaluation period for an evaluation edition, else null
 */
public record LicenseStatus(
    LicenseState state,
    ErrorCode reason,
    Duration remaining,
    Instant expires,
    int rearmRemaining,
    Optional<Enforcement> enforcement,
    boolean clockSetBack,
    Instant evaluationEnd) {

  public LicenseStatus {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(enforcement, "enforcement");
  }

  /**
   * The remaining time in whole minutes, rounded down (the {@code remainingMinutes} JSON field), or
   * null when there is no remaining time.
   */
  public Long remainingMinutes() {
    return remaining == null ? null : remaining.toMinutes();
  }
}
