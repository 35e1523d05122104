package dev.keyward.core.catalog;

import java.util.Map;

/**
 * Hardware tolerance settings of a product (SPEC §4): a machine stays the same machine while the
 * summed weights of the components that changed do not exceed {@code limit}.
 *
 * @param weights component name → weight (every one of the ten components)
 * @param limit the largest tolerated sum
 */
public record HardwarePolicy(Map<String, Integer> weights, int limit) {
  public HardwarePolicy {
    weights = Map.copyOf(weights);
  }
}
