package dev.keyward.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class CheapestPacksProperties {

  @Property
  void coversTheShortfall(
      @ForAll @IntRange(min = 0, max = 2_000) int shortfall,
      @ForAll @IntRange(min = 1, max = 200) int price16,
      @ForAll @IntRange(min = 1, max = 40) int price2) {
    PackChoice choice = CheapestPacks.cheapest(shortfall, PackPrice.of(price16, price2));

    assertThat(choice.coreLicenses()).isGreaterThanOrEqualTo(shortfall);
  }

  /**
   * Brute force over every combination that could matter: none is cheaper, none as cheap with fewer
   * packs.
   */
  @Property
  void noCheaperCombinationExists(
      @ForAll @IntRange(min = 0, max = 120) int shortfall,
      @ForAll @IntRange(min = 1, max = 60) int price16,
      @ForAll @IntRange(min = 1, max = 12) int price2) {
    PackPrice price = PackPrice.of(price16, price2);
    PackChoice chosen = CheapestPacks.cheapest(shortfall, price);

    for (long sixteens = 0; sixteens <= shortfall / 16 + 2; sixteens++) {
      for (long twos = 0; twos <= shortfall / 2 + 2; twos++) {
        PackChoice other = PackChoice.of(sixteens, twos, price);
        if (other.coreLicenses() < shortfall) {
          continue;
        }
        int byPrice = other.price().compareTo(chosen.price());
        assertThat(byPrice).as("%s is cheaper than %s", other, chosen).isGreaterThanOrEqualTo(0);
        if (byPrice == 0) {
          assertThat(other.packs())
              .as("%s has fewer packs than %s", other, chosen)
              .isGreaterThanOrEqualTo(chosen.packs());
        }
      }
    }
  }

  @Property
  void decimalPricesWork(
      @ForAll @IntRange(min = 1, max = 100) int shortfall,
      @ForAll @IntRange(min = 1, max = 10_000) int cents16,
      @ForAll @IntRange(min = 1, max = 2_000) int cents2) {
    PackPrice price = new PackPrice(BigDecimal.valueOf(cents16, 2), BigDecimal.valueOf(cents2, 2));
    PackChoice chosen = CheapestPacks.cheapest(shortfall, price);
    PackChoice onlyTwos = PackChoice.of(0, (shortfall + 1) / 2, price);
    PackChoice onlySixteens = PackChoice.of((shortfall + 15) / 16, 0, price);

    assertThat(chosen.price()).isLessThanOrEqualTo(onlyTwos.price());
    assertThat(chosen.price()).isLessThanOrEqualTo(onlySixteens.price());
  }
}
