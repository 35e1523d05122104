package dev.keyward.authority.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

  @Test
  void aBurstThenTheRefillRate() {
    RateLimiter limiter = new RateLimiter(new RateLimit(3, 2), nanos::get);
    for (int i = 0; i < 3; i++) {
      assertThat(limiter.acquire("a")).isEmpty();
    }
    assertThat(limiter.acquire("a")).isEqualTo(OptionalLong.of(1));
    assertThat(limiter.acquire("b")).isEmpty(); // another name has its own bucket
    nanos.addAndGet(500_000_000L); // half a second at 2/s: one token
    assertThat(limiter.acquire("a")).isEmpty();
    assertThat(limiter.acquire("a")).isPresent();
    nanos.addAndGet(60_000_000_000L);
    for (int i = 0; i < 3; i++) {
      assertThat(limiter.acquire("a")).isEmpty(); // never more than the burst
    }
    assertThat(limiter.acquire("a")).isPresent();
  }

  @Test
  void retryAfterIsTheWholeSecondsToTheNextToken() {
    RateLimiter limiter = new RateLimiter(new RateLimit(1, 0.1), nanos::get);
    assertThat(limiter.acquire("a")).isEmpty();
    assertThat(limiter.acquire("a")).isEqualTo(OptionalLong.of(10));
  }

  @Test
  void offMeansOff() {
    RateLimiter limiter = new RateLimiter(RateLimit.OFF, nanos::get);
    for (int i = 0; i < 10_000; i++) {
      assertThat(limiter.acquire("a")).isEmpty();
    }
  }
}
