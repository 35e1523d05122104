package dev.keyward.core.hardware;

import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.error.Failure;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides whether a machine is still the one that was activated, by comparing the identity in its
 * activation certificate with the identity it has now (spec section 4). Only hashes are compared:
 * the authority never sees raw values, and needs none to decide.
 */
public final class Tolerance {
  private static final Component[] COMPONENTS = Component.values();

  private Tolerance() {}

  /**
   * Whether {@code current} is within tolerance of {@code activated}: the same answer as {@link
   * #compare} being {@link ToleranceResult.Within}, without the report (the authority asks this for
   * every prior activation of a key, for every request).
   */
  public static boolean within(
      HardwareIdentity activated, HardwareIdentity current, TolerancePolicy policy) {
    int score = 0;
    for (Component component : COMPONENTS) {
      if (activated.differs(component, current)) {
        score += policy.weight(component);
        if (score > policy.limit()) {
          return false; // weights are never negative: the score only grows
        }
      }
    }
    return true;
  }

  public static ToleranceResult compare(
      HardwareIdentity activated, HardwareIdentity current, TolerancePolicy policy) {
    Set<Component> changed = activated.differencesFrom(current);
    int score = policy.score(changed);
    if (score <= policy.limit()) {
      return new ToleranceResult.Within(changed, score);
    }
    return new ToleranceResult.Outside(changed, score, outOfTolerance(changed, score, policy));
  }

  private static Failure outOfTolerance(Set<Component> changed, int score, TolerancePolicy policy) {
    String names = changed.stream().map(Component::fileName).collect(Collectors.joining(", "));
    return Failure.of(
        ErrorCode.OUT_OF_TOLERANCE,
        "hardware changed beyond tolerance: "
            + changed.size()
            + " components differ from the activated machine ("
            + names
            + "), weighted score "
            + score
            + " exceeds the limit of "
            + policy.limit());
  }
}
