package dev.keyward.compliance;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What one 16-core pack and one 2-core pack of an edition cost, in whatever unit the customer uses.
 * Both are positive: a free pack would make "cheapest" meaningless.
 */
public record PackPrice(BigDecimal sixteenCore, BigDecimal twoCore) {
  /** The default: the same price per core in both packs (a 16-core pack costs 8 two-core packs). */
  public static final PackPrice EQUAL_PER_CORE =
      new PackPrice(BigDecimal.valueOf(16), BigDecimal.TWO);

  public PackPrice {
    Objects.requireNonNull(sixteenCore, "sixteenCore");
    Objects.requireNonNull(twoCore, "twoCore");
    if (sixteenCore.signum() <= 0 || twoCore.signum() <= 0) {
      throw new IllegalArgumentException("pack prices must be > 0");
    }
    // 120.50 and 120.5 are the same price: normalise so that equal prices are equal records.
    sixteenCore = normalise(sixteenCore);
    twoCore = normalise(twoCore);
  }

  private static BigDecimal normalise(BigDecimal amount) {
    BigDecimal stripped = amount.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  public static PackPrice of(long sixteenCore, long twoCore) {
    return new PackPrice(BigDecimal.valueOf(sixteenCore), BigDecimal.valueOf(twoCore));
  }
}
