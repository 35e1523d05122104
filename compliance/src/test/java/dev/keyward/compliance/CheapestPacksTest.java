package dev.keyward.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CheapestPacksTest {

  @ParameterizedTest(name = "short {0} at equal price per core -> {1} x 16 + {2} x 2")
  @CsvSource({
    "0, 0, 0",
    "2, 0, 1",
    // 7 two-core packs cost 14, one 16-core pack 16
    "14, 0, 7",
    // same price (16) either way: the fewest packs
    "16, 1, 0",
    "18, 1, 1",
    "30, 1, 7",
    "32, 2, 0",
    "34, 2, 1",
    "17, 1, 1"
  })
  void equalPricePerCore(long shortfall, long sixteens, long twos) {
    PackChoice choice = CheapestPacks.cheapest(shortfall, PackPrice.EQUAL_PER_CORE);

    assertThat(choice.sixteenCorePacks()).isEqualTo(sixteens);
    assertThat(choice.twoCorePacks()).isEqualTo(twos);
    assertThat(choice.coreLicenses()).isGreaterThanOrEqualTo(shortfall);
  }

  @ParameterizedTest(
      name = "short {0}, 16-core at {1}, 2-core at {2} -> {3} x 16 + {4} x 2 for {5}")
  @CsvSource({
    // a discounted 16-core pack wins as soon as the 2-core packs would cost more
    "14, 10, 2, 1, 0, 10",
    // a price tie (10 either way): the fewest packs
    "10, 10, 2, 1, 0, 10",
    "8, 10, 2, 0, 4, 8",
    "4, 10, 2, 0, 2, 4",
    "18, 10, 2, 1, 1, 12",
    // an expensive 16-core pack loses even on a full 16
    "16, 20, 2, 0, 8, 16",
    "18, 20, 2, 0, 9, 18",
    // cheap 2-core packs: never a 16-core pack
    "48, 16, 1, 0, 24, 24"
  })
  void configuredPrices(
      long shortfall, long price16, long price2, long sixteens, long twos, long total) {
    PackChoice choice = CheapestPacks.cheapest(shortfall, PackPrice.of(price16, price2));

    assertThat(choice.sixteenCorePacks()).isEqualTo(sixteens);
    assertThat(choice.twoCorePacks()).isEqualTo(twos);
    assertThat(choice.price()).isEqualByComparingTo(BigDecimal.valueOf(total));
  }
}
