package dev.keyward.authority;

import dev.keyward.authority.http.RateLimit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The {@code rateLimits} block of {@code <data>/authority.yaml} (docs/configuration.md). */
final class RateLimitSettings {
  private RateLimitSettings() {}

  static void apply(AuthorityConfig.Builder builder, Map<?, ?> map, List<String> problems) {
    if (map.containsKey("rateLimits")) {
      if (map.get("rateLimits") instanceof Map<?, ?> limits) {
        for (Object key : limits.keySet()) {
          if (!Set.of("perAddress", "perKey", "failuresPerAddress").contains(String.valueOf(key))) {
            problems.add(
                "rateLimits: unknown limit '"
                    + key
                    + "' (expected perAddress, perKey, failuresPerAddress)");
          }
        }
        rateLimit(limits, "perAddress", problems).ifPresent(builder::perAddress);
        rateLimit(limits, "perKey", problems).ifPresent(builder::perKey);
        rateLimit(limits, "failuresPerAddress", problems).ifPresent(builder::failuresPerAddress);
      } else {
        problems.add("rateLimits: expected {perAddress: {burst, perSecond}, perKey: {...}}");
      }
    }
  }

  static Optional<RateLimit> rateLimit(Map<?, ?> limits, String name, List<String> problems) {
    if (!limits.containsKey(name)) {
      return Optional.empty();
    }
    if (!(limits.get(name) instanceof Map<?, ?> m)) {
      problems.add("rateLimits." + name + ": expected {burst: N, perSecond: R} (burst 0: off)");
      return Optional.empty();
    }
    Object burst = m.get("burst");
    Object rate = m.get("perSecond");
    if (!(burst instanceof Integer b) || b < 0 || (b > 0 && !(rate instanceof Number))) {
      problems.add("rateLimits." + name + ": expected {burst: N, perSecond: R} (burst 0: off)");
      return Optional.empty();
    }
    double perSecond = rate instanceof Number n ? n.doubleValue() : 0;
    if (b == 0) {
      return Optional.of(RateLimit.OFF);
    }
    if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
      problems.add("rateLimits." + name + ".perSecond: must be more than 0");
      return Optional.empty();
    }
    return Optional.of(new RateLimit(b, perSecond));
  }
}
