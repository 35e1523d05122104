package dev.keyward.compliance;

import java.util.Objects;

/**
 * A limit no pack raises: an Essentials server reached by more users or devices than it allows. The
 * way out is another edition, which the report's lines say.
 *
 * @param limit what is limited: {@code users} or {@code devices}
 */
public record LimitBreach(String host, String limit, int allowed, int actual) {
  public LimitBreach {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(limit, "limit");
    if (actual <= allowed) {
      throw new IllegalArgumentException("not a breach: " + actual + " <= " + allowed);
    }
  }
}
