package dev.keyward.compliance;

import java.util.Comparator;
import java.util.stream.Stream;

/** The cheapest set of 16-core and 2-core packs that closes a shortfall of core licenses. */
public final class CheapestPacks {
  private static final Comparator<PackChoice> CHEAPEST_THEN_FEWEST =
      Comparator.comparing(PackChoice::price).thenComparingLong(PackChoice::packs);

  private CheapestPacks() {}

  /**
   * Minimises the price, then the number of packs. With equal price per core (the default), a
   * shortfall of 18 is one 16-core and one 2-core pack, and 14 is seven 2-core packs (14 units
   * against 16 for a 16-core pack).
   *
   * <p>Why three candidates suffice: with {@code a} 16-core packs the fewest 2-core packs is {@code
   * ceil((s - 16a) / 2) = ceil(s / 2) - 8a} while {@code 16a <= s}, so the price is linear in
   * {@code a} there and is smallest at an end, {@code a = 0} or {@code a = floor(s/16)}; past that
   * only {@code a = ceil(s/16)} with no 2-core pack can be cheaper (more 16-core packs only cost
   * more). On a price tie the larger {@code a} has fewer packs, which the comparator picks.
   */
  public static PackChoice cheapest(long shortfall, PackPrice price) {
    if (shortfall <= 0) {
      return PackChoice.NONE;
    }
    long floor = shortfall / 16;
    long ceil = (shortfall + 15) / 16;
    return Stream.of(0L, floor, ceil)
        .map(sixteens -> PackChoice.of(sixteens, twoCorePacksFor(shortfall, sixteens), price))
        .min(CHEAPEST_THEN_FEWEST)
        .orElseThrow();
  }

  private static long twoCorePacksFor(long shortfall, long sixteenCorePacks) {
    long rest = shortfall - 16 * sixteenCorePacks;
    return rest <= 0 ? 0 : (rest + 1) / 2;
  }
}
