package dev.keyward.compliance;

import java.math.BigDecimal;
import java.util.Objects;

/** A number of 16-core and 2-core packs of one edition and version, and what they cost. */
public record PackChoice(long sixteenCorePacks, long twoCorePacks, BigDecimal price) {
  public static final PackChoice NONE = new PackChoice(0, 0, BigDecimal.ZERO);

  public PackChoice {
    Objects.requireNonNull(price, "price");
    if (sixteenCorePacks < 0 || twoCorePacks < 0) {
      throw new IllegalArgumentException("pack counts must be >= 0");
    }
  }

  public static PackChoice of(long sixteenCorePacks, long twoCorePacks, PackPrice price) {
    BigDecimal total =
        price
            .sixteenCore()
            .multiply(BigDecimal.valueOf(sixteenCorePacks))
            .add(price.twoCore().multiply(BigDecimal.valueOf(twoCorePacks)));
    return new PackChoice(sixteenCorePacks, twoCorePacks, total);
  }

  public long coreLicenses() {
    return 16 * sixteenCorePacks + 2 * twoCorePacks;
  }

  public long packs() {
    return sixteenCorePacks + twoCorePacks;
  }
}
