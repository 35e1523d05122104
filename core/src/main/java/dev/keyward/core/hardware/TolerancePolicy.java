package dev.keyward.core.hardware;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How much hardware may change before a machine is no longer the machine that was activated: each
 * component has a weight, and the machine stays the same while the summed weight of the components
 * that differ is at most {@code limit}. A weight of 0 ignores a component.
 *
 * <p>Build policies from catalog input with {@link #validate}, which reports every problem as a
 * value; the constructor insists on the same rules and is for values already known good.
 *
 * <p>A value class rather than a record so that it can keep the weights in an array by component:
 * the authority weighs every prior activation of a key at every decision.
 */
public final class TolerancePolicy {
  /** Caps weights so that the summed score of ten components cannot overflow. */
  public static final int MAX_WEIGHT = 1000;

  private static final TolerancePolicy DEFAULT = new TolerancePolicy(equalWeights(), 3);

  private final Map<Component, Integer> weights;
  private final int limit;
  private final int[] byOrdinal;

  /**
   * @param weights a weight for every component, 0 to {@link #MAX_WEIGHT}
   * @param limit the largest weighted count of changed components that is still the same machine
   */
  public TolerancePolicy(Map<Component, Integer> weights, int limit) {
    List<String> problems = problems(weights, limit);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    this.weights = Collections.unmodifiableMap(new EnumMap<>(weights));
    this.limit = limit;
    this.byOrdinal = new int[Component.values().length];
    this.weights.forEach((component, weight) -> byOrdinal[component.ordinal()] = weight);
  }

  /** A weight for every component, 0 to {@link #MAX_WEIGHT}. */
  public Map<Component, Integer> weights() {
    return weights;
  }

  /** The largest weighted count of changed components that is still the same machine. */
  public int limit() {
    return limit;
  }

  /**
   * The {@code winserver} default (spec section 4): every component weighs 1 and more than 3
   * changed components is out of tolerance.
   */
  public static TolerancePolicy defaultPolicy() {
    return DEFAULT;
  }

  /** Checks catalog input and returns the policy, or every problem found in it. */
  public static TolerancePolicyCheck validate(Map<Component, Integer> weights, int limit) {
    List<String> problems = problems(weights, limit);
    return problems.isEmpty()
        ? new TolerancePolicyCheck.Valid(new TolerancePolicy(weights, limit))
        : new TolerancePolicyCheck.Invalid(problems);
  }

  public int weight(Component component) {
    return byOrdinal[component.ordinal()];
  }

  /** The summed weight of {@code changed}. */
  public int score(Set<Component> changed) {
    return changed.stream().mapToInt(this::weight).sum();
  }

  private static List<String> problems(Map<Component, Integer> weights, int limit) {
    List<String> problems = new ArrayList<>();
    if (weights == null) {
      problems.add("hardware weights are missing");
    } else {
      for (Component component : Component.values()) {
        Integer weight = weights.get(component);
        if (weight == null) {
          problems.add("no weight for component " + component.fileName());
        } else if (weight < 0 || weight > MAX_WEIGHT) {
          problems.add(
              "weight of "
                  + component.fileName()
                  + " is "
                  + weight
                  + "; it must be between 0 and "
                  + MAX_WEIGHT);
        }
      }
    }
    if (limit < 0) {
      problems.add("tolerance limit is " + limit + "; it must be 0 or more");
    }
    return problems;
  }

  private static Map<Component, Integer> equalWeights() {
    Map<Component, Integer> weights = new EnumMap<>(Component.class);
    for (Component component : Component.values()) {
      weights.put(component, 1);
    }
    return weights;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TolerancePolicy other
        && limit == other.limit
        && weights.equals(other.weights);
  }

  @Override
  public int hashCode() {
    return 31 * weights.hashCode() + limit;
  }

  @Override
  public String toString() {
    return "TolerancePolicy[weights=" + weights + ", limit=" + limit + "]";
  }
}
