package dev.keyward.authority.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class IdsTest {
  @Property(tries = 300)
  void textOrderIsTimeOrder(
      @ForAll @LongRange(min = 0, max = (1L << 45) - 1) long a,
      @ForAll @LongRange(min = 0, max = (1L << 45) - 1) long b) {
    String x = Ids.next("act", a);
    String y = Ids.next("act", b);
    if (a < b) {
      assertThat(x).isLessThan(y);
    } else if (a > b) {
      assertThat(x).isGreaterThan(y);
    }
  }

  @Test
  void idsOfOneMillisecondDifferAndKeepTheirForm() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      ids.add(Ids.next("pk", 1_772_359_200_000L));
    }
    assertThat(new HashSet<>(ids)).hasSize(ids.size());
    assertThat(ids).allMatch(id -> id.matches("pk-[a-z2-9]{20}"));
    assertThat(ids).allMatch(id -> id.startsWith(ids.get(0).substring(0, 3 + 9)));
  }
}
