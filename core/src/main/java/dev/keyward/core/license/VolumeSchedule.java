package dev.keyward.core.license;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a volume client asks its host next (SPEC §11): a client without a grant as soon as it can,
 * and again after the retry interval when the last try failed; an activated client when the renewal
 * interval has passed since its grant, and every retry interval after a failed renewal. The host's
 * intervals, once it has answered, override the client's ({@code /sri}, {@code /sai}), which
 * override the product's.
 *
 * @param renewal the renewal interval in force
 * @param retry the retry interval in force
 */
public record VolumeSchedule(Duration renewal, Duration retry) {

  /** The intervals in force: the host's, else the client's settings, else the product's. */
  public static VolumeSchedule of(
      Optional<Long> hostRenewalMinutes,
      Optional<Long> hostRetryMinutes,
      Optional<Long> clientRenewalMinutes,
      Optional<Long> clientRetryMinutes,
      Duration productRenewal,
      Duration productRetry) {
    Duration renewal =
        hostRenewalMinutes
            .or(() -> clientRenewalMinutes)
            .map(Duration::ofMinutes)
            .orElse(productRenewal);
    Duration retry =
        hostRetryMinutes.or(() -> clientRetryMinutes).map(Duration::ofMinutes).orElse(productRetry);
    return new VolumeSchedule(renewal, retry);
  }

  /**
   * When the next request is due.
   *
   * @param lastGrantAt when the last grant was received (empty: never activated)
   * @param lastAttemptAt when a host was last asked (empty: never)
   */
  public Instant nextAttempt(Optional<Instant> lastGrantAt, Optional<Instant> lastAttemptAt) {
    if (lastGrantAt.isEmpty()) {
      return lastAttemptAt.map(a -> a.plus(retry)).orElse(Instant.EPOCH);
    }
    Instant renewalDue = lastGrantAt.get().plus(renewal);
    if (lastAttemptAt.isPresent() && lastAttemptAt.get().isAfter(lastGrantAt.get())) {
      // a renewal was tried since and failed: the retry interval after that try
      Instant retryDue = lastAttemptAt.get().plus(retry);
      return retryDue.isAfter(renewalDue) ? retryDue : renewalDue;
    }
    return renewalDue;
  }

  public boolean due(Optional<Instant> lastGrantAt, Optional<Instant> lastAttemptAt, Instant now) {
    return !now.isBefore(nextAttempt(lastGrantAt, lastAttemptAt));
  }
}
