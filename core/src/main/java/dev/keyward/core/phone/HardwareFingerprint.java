package dev.keyward.core.phone;

import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.error.Failure;
import dev.keyward.core.hardware.Component;
import dev.keyward.core.hardware.ComponentHash;
import dev.keyward.core.hardware.HardwareIdentity;
import dev.keyward.core.hardware.TolerancePolicy;
import dev.keyward.core.hardware.ToleranceResult;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The hardware part of an installation ID: one 8-bit short hash per component, the first byte of
 * the component's salted {@link ComponentHash} (which is already uniform and product-salted, so its
 * first byte is a uniform 8-bit value). 80 bits instead of 1280 keep the ID short enough to read
 * out, while the authority can still apply tolerance component by component.
 *
 * <p>The price is that a changed component keeps its short hash with probability 1/256. For the
 * {@code winserver} policy (more than 3 of 10 changed is out of tolerance) a machine with exactly 4
 * changed components is taken as within tolerance with probability {@code 1 - (255/256)^4 ≈ 1.6%};
 * with 5 changed, that needs two of five to collide ({@code ≈ 0.015%}); an unrelated machine (all
 * ten changed) needs seven collisions ({@code C(10,7) / 256^7 ≈ 1.7e-15}). A component reported
 * unchanged is never taken for changed. The hashes are reported by the machine and not secret, so
 * the short form costs no security: whoever controls a machine can claim any hashes, short or full.
 *
 * @param shortHashes a short hash, 0..255, for every component
 */
public record HardwareFingerprint(Map<Component, Integer> shortHashes) {
  /** Bits per component in an installation ID. */
  public static final int BITS_PER_COMPONENT = 8;

  private static final int MAX_SHORT_HASH = (1 << BITS_PER_COMPONENT) - 1;

  public HardwareFingerprint {
    Objects.requireNonNull(shortHashes, "shortHashes");
    Set<Component> missing = EnumSet.allOf(Component.class);
    missing.removeAll(shortHashes.keySet());
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("a fingerprint needs every component: " + missing);
    }
    for (Map.Entry<Component, Integer> entry : shortHashes.entrySet()) {
      Integer value = Objects.requireNonNull(entry.getValue(), "short hash");
      if (value < 0 || value > MAX_SHORT_HASH) {
        throw new IllegalArgumentException(
            "short hash of " + entry.getKey() + " must be 0.." + MAX_SHORT_HASH + ": " + value);
      }
    }
    shortHashes = Collections.unmodifiableMap(new EnumMap<>(shortHashes));
  }

  /** The fingerprint of a full identity: each component's short hash. */
  public static HardwareFingerprint of(HardwareIdentity identity) {
    Objects.requireNonNull(identity, "identity");
    Map<Component, Integer> shortHashes = new EnumMap<>(Component.class);
    for (Component component : Component.values()) {
      shortHashes.put(component, shortHash(identity.hash(component)));
    }
    return new HardwareFingerprint(shortHashes);
  }

  /** The short hash of one full component hash: its first byte (two hex digits), 0..255. */
  public static int shortHash(ComponentHash hash) {
    return Integer.parseInt(hash.hex().substring(0, 2), 16);
  }

  public int shortHash(Component component) {
    return shortHashes.get(component);
  }

  /** The components whose short hashes differ from {@code other}'s, in canonical order. */
  public Set<Component> differencesFrom(HardwareFingerprint other) {
    Set<Component> changed = EnumSet.noneOf(Component.class);
    for (Component component : Component.values()) {
      if (shortHash(component) != other.shortHash(component)) {
        changed.add(component);
      }
    }
    return Collections.unmodifiableSet(changed);
  }

  /**
   * The components whose short hashes differ from those derived from the full {@code identity}: how
   * the authority compares an installation ID with the identity an earlier activation recorded.
   */
  public Set<Component> differencesFrom(HardwareIdentity identity) {
    return differencesFrom(of(identity));
  }

  /**
   * Tolerance (SPEC §4) between what an activation recorded, in full, and what an installation ID
   * reports now. Same policy and outcome as {@link dev.keyward.core.hardware.Tolerance#compare}.
   */
  public static ToleranceResult compare(
      HardwareIdentity activated, HardwareFingerprint current, TolerancePolicy policy) {
    return compare(of(activated), current, policy);
  }

  /**
   * Tolerance between two fingerprints: for an activation that was itself made by phone, where the
   * authority recorded only the short hashes.
   */
  public static ToleranceResult compare(
      HardwareFingerprint activated, HardwareFingerprint current, TolerancePolicy policy) {
    Objects.requireNonNull(policy, "policy");
    Set<Component> changed = activated.differencesFrom(current);
    int score = policy.score(changed);
    if (score <= policy.limit()) {
      return new ToleranceResult.Within(changed, score);
    }
    String names = changed.stream().map(Component::fileName).collect(Collectors.joining(", "));
    Failure failure =
        Failure.of(
            ErrorCode.OUT_OF_TOLERANCE,
            "hardware changed beyond tolerance: "
                + changed.size()
                + " components differ from the activated machine ("
                + names
                + "), weighted score "
                + score
                + " exceeds the limit of "
                + policy.limit());
    return new ToleranceResult.Outside(changed, score, failure);
  }
}
