package dev.keyward.authority.http;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The client endpoints' rate limits (docs/security.md, "Rate limits"). Every request counts against
 * its address; key requests that fail (a mistyped, unknown or foreign key, a refusal) count against
 * the address and against that key from that address. Successes cost a key nothing: a rollout of
 * many machines with one MAK is never throttled, guessing is, and whoever knows a key can only
 * exhaust that key's budget for their own address.
 */
public final class Throttle {
  private final RateLimiter requests;
  private final RateLimiter failures;
  private final RateLimiter keyFailures;

  public Throttle(RateLimiter requests, RateLimiter failures, RateLimiter keyFailures) {
    this.requests = requests;
    this.failures = failures;
    this.keyFailures = keyFailures;
  }

  /** Takes a request token of {@code address}; 429 when it is empty. */
  public void request(String address) {
    Api.limit(requests.acquire(address));
  }

  /**
   * Runs a key decision: 429 first if the address or the key has failed too often, and any 4xx
   * refusal (except a 429) charged to both.
   *
   * @param read reads the key; throws its refusal when the key is not readable
   * @param fingerprint names the key that was read; empty when the key cannot be told apart
   */
  public <K, T> T decide(
      String address,
      Supplier<K> read,
      Function<K, Optional<String>> fingerprint,
      Function<K, T> decision) {
    Api.limit(failures.check(address));
    Optional<String> name = Optional.empty();
    try {
      K key = read.get();
      name = fingerprint.apply(key).map(f -> f + " " + address);
      name.ifPresent(n -> Api.limit(keyFailures.check(n)));
      return decision.apply(key);
    } catch (ApiException e) {
      if (e.status() >= 400 && e.status() < 500 && e.status() != 429) {
        failures.charge(address);
        name.ifPresent(keyFailures::charge);
      }
      throw e;
    }
  }
}
