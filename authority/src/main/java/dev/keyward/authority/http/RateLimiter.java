package dev.keyward.authority.http;

import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Token buckets by name (a client address, a key fingerprint). Time is a monotonic nanosecond
 * ticker, not the business clock: a lab's virtual clock jumps days, and a limit is about real
 * request rates. The map forgets full buckets when it grows past {@link #MAX_BUCKETS}.
 */
public final class RateLimiter {
  static final int MAX_BUCKETS = 100_000;

  private final RateLimit limit;
  private final LongSupplier nanos;
  private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
  private final java.util.concurrent.atomic.AtomicLong lastSweep =
      new java.util.concurrent.atomic.AtomicLong();

  public RateLimiter(RateLimit limit, LongSupplier nanos) {
    this.limit = limit;
    this.nanos = nanos;
  }

  /**
   * Takes one token for {@code name}.
   *
   * @return empty when allowed, else how many whole seconds to wait (at least 1)
   */
  public OptionalLong acquire(String name) {
    if (!limit.enabled()) {
      return OptionalLong.empty();
    }
    return bucket(name).take(nanos.getAsLong());
  }

  /**
   * Whether {@code name} has a token left, without taking it (limits that count failures look
   * before the request and charge after it failed).
   *
   * @return empty when allowed, else how many whole seconds to wait (at least 1)
   */
  public OptionalLong check(String name) {
    if (!limit.enabled()) {
      return OptionalLong.empty();
    }
    Bucket b = buckets.get(name);
    return b == null ? OptionalLong.empty() : b.peek(nanos.getAsLong());
  }

  /** Takes one token for {@code name} if there is one (a failure is recorded, never refused). */
  public void charge(String name) {
    if (limit.enabled()) {
      bucket(name).take(nanos.getAsLong());
    }
  }

  private Bucket bucket(String name) {
    if (buckets.size() > MAX_BUCKETS) {
      long now = nanos.getAsLong();
      long last = lastSweep.get();
      // At most one sweep a second: a flood of new names must not make every request O(n).
      if (now - last > 1_000_000_000L && lastSweep.compareAndSet(last, now)) {
        buckets.values().removeIf(b -> b.isFull(now));
      }
    }
    return buckets.computeIfAbsent(name, n -> new Bucket());
  }

  private final class Bucket {
    private double tokens = limit.burst();
    private long last = nanos.getAsLong();

    synchronized OptionalLong take(long now) {
      refill(now);
      if (tokens >= 1) {
        tokens -= 1;
        return OptionalLong.empty();
      }
      double seconds = (1 - tokens) / limit.perSecond();
      return OptionalLong.of(Math.max(1, (long) Math.ceil(seconds)));
    }

    synchronized OptionalLong peek(long now) {
      refill(now);
      if (tokens >= 1) {
        return OptionalLong.empty();
      }
      return OptionalLong.of(Math.max(1, (long) Math.ceil((1 - tokens) / limit.perSecond())));
    }

    synchronized boolean isFull(long now) {
      refill(now);
      return tokens >= limit.burst();
    }

    private void refill(long now) {
      long elapsed = Math.max(0, now - last);
      last = now;
      tokens = Math.min(limit.burst(), tokens + elapsed / 1e9 * limit.perSecond());
    }
  }
}
