package dev.keyward.authority;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.authority.crypto.Ids;
import dev.keyward.core.hardware.HardwareIdentity;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link MachineTable}'s segments grow a little at a time: filled as the authority fills it, no
 * stretch of puts makes a large part of its slots at once (with one load limit for every segment,
 * all 32 doubled within about a thousand puts of each other: half the table's slots, made at once,
 * which the collector then copied in one pause).
 */
class MachineTableGrowthTest {
  private static final int LIMIT = 100_000;
  private static final int EVERY = 250;
  private static final int WINDOW = 2_000;

  @Test
  void noStretchOfPutsMakesAnEighthOfTheSlots() {
    MachineTable table = new MachineTable(LIMIT);
    HardwareIdentity machine = Machines.fromJson(Harness.write(Machine.random().components()));
    List<Integer> slots = new ArrayList<>();
    slots.add(table.slots());
    for (int i = 1; i <= LIMIT; i++) {
      assertThat(table.put(Ids.next("act"), "text", machine)).isTrue();
      if (i % EVERY == 0) {
        slots.add(table.slots());
      }
    }
    int total = slots.get(slots.size() - 1);
    int worst = 0;
    int worstAt = 0;
    for (int at = WINDOW / EVERY; at < slots.size(); at++) {
      int grown = slots.get(at) - slots.get(at - WINDOW / EVERY);
      if (grown > worst) {
        worst = grown;
        worstAt = at * EVERY;
      }
    }
    assertThat(worst)
        .as("slots made in the %d puts before put %d, of %d slots in all", WINDOW, worstAt, total)
        .isLessThan(total / 8);
  }
}
