package dev.keyward.core.license;

import java.time.Duration;
import java.util.Objects;

/**
 * What an application should do while its license is in Notification.
 *
 * @param warning whether to show the licensing warning
 * @param shutdownEvery how often to shut the system down, or null for never (seeds: an expired
 *     evaluation shuts down every 60 minutes)
 * @param message what to tell the user
 */
public record Enforcement(boolean warning, Duration shutdownEvery, String message) {
  public Enforcement {
    Objects.requireNonNull(message, "message");
    if (shutdownEvery != null && (shutdownEvery.isNegative() || shutdownEvery.isZero())) {
      throw new IllegalArgumentException("shutdownEvery must be positive: " + shutdownEvery);
    }
  }
}
