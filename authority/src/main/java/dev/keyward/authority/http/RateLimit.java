package dev.keyward.authority.http;

/**
 * A token bucket: {@code burst} requests at once, refilled at {@code perSecond}. A burst of 0 turns
 * the limit off.
 */
public record RateLimit(int burst, double perSecond) {
  public static final RateLimit OFF = new RateLimit(0, 0);

  public RateLimit {
    if (burst < 0 || perSecond < 0 || Double.isNaN(perSecond) || Double.isInfinite(perSecond)) {
      throw new IllegalArgumentException("a rate limit needs burst >= 0 and perSecond >= 0");
    }
    if (burst > 0 && perSecond == 0) {
      throw new IllegalArgumentException("a rate limit with a burst needs perSecond > 0");
    }
  }

  public boolean enabled() {
    return burst > 0;
  }
}
