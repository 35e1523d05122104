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

  /** Packing is exact: two activation ids have the same halves exactly when they are equal. */
  @Property(tries = 300)
  void packedHalvesAreTheIdWithoutLoss(
      @ForAll @LongRange(min = 0, max = (1L << 45) - 1) long a,
      @ForAll @LongRange(min = 0, max = (1L << 45) - 1) long b,
      @ForAll int edit) {
    String x = Ids.next("act", a);
    String y = Ids.next("act", b);
    // also y as x with one symbol changed: ids that differ in a single place
    char[] near = x.toCharArray();
    int at = 4 + Math.floorMod(edit, 20);
    String symbols = "23456789abcdefghijkmnpqrstuvwxyz";
    near[at] = symbols.charAt((symbols.indexOf(near[at]) + 1) % symbols.length());
    for (String other : List.of(y, new String(near), x)) {
      boolean same =
          Ids.packed(x, false) == Ids.packed(other, false)
              && Ids.packed(x, true) == Ids.packed(other, true);
      assertThat(same).isEqualTo(x.equals(other));
      assertThat(Ids.packed(other, false)).isNotNegative();
      assertThat(Ids.packed(other, true)).isNotNegative();
    }
  }

  @Test
  void onlyActivationIdsPack() {
    String id = Ids.next("act");
    assertThat(Ids.packed(id, false)).isNotNegative();
    for (String text :
        List.of(
            Ids.next("pk"),
            id.substring(0, id.length() - 1),
            id + "2",
            id.substring(0, 10) + "1" + id.substring(11), // 1 is not a symbol
            id.substring(0, 10) + "A" + id.substring(11),
            id.substring(0, 10) + "\u00e9" + id.substring(11),
            "")) {
      assertThat(
              Ids.packed(text, false) == Ids.NOT_PACKED || Ids.packed(text, true) == Ids.NOT_PACKED)
          .as(text)
          .isTrue();
    }
  }
}
