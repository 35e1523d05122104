package dev.keyward.core.diagnose;

import java.time.Duration;
import java.time.Instant;

/**
 * The machine's clock against the trusted-time anchor the store keeps (SPEC §5).
 *
 * @param system this machine's clock now
 * @param trusted the latest time the store has seen
 * @param tolerance how far the clock may be behind the anchor
 */
public record TimeFacts(Instant system, Instant trusted, Duration tolerance) {
  /** How far the clock is behind the anchor (zero when it is not). */
  public Duration behind() {
    return trusted.isAfter(system) ? Duration.between(system, trusted) : Duration.ZERO;
  }

  public boolean setBack() {
    return behind().compareTo(tolerance) > 0;
  }
}
