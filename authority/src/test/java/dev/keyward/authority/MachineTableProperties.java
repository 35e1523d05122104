package dev.keyward.authority;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.authority.crypto.Ids;
import dev.keyward.core.hardware.HardwareIdentity;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * {@link MachineTable} against what it promises: an id gives back the identity remembered for it
 * (never another id's), the text check refuses other text, the last {@code limit} ids remembered
 * are always found, no more than twice the limit ever are, ids it cannot pack are refused, and
 * threads putting at once while segments grow lose nothing.
 */
class MachineTableProperties {
  private static HardwareIdentity machine() {
    return Machines.fromJson(Harness.write(Machine.random().components()));
  }

  @Property(tries = 30)
  void eachIdGivesBackItsOwnIdentityAndTheLastLimitAreKept(
      @ForAll @IntRange(min = 1, max = 300) int limit,
      @ForAll @IntRange(min = 1, max = 1_500) int count) {
    checkTable(limit, count);
  }

  /** Limits above the first 1,024 slots: the tables grow (rehash) while they fill. */
  @Property(tries = 3)
  void growingTablesKeepEveryEntry(
      @ForAll @IntRange(min = 1_000, max = 3_000) int limit,
      @ForAll @IntRange(min = 3_000, max = 7_000) int count) {
    checkTable(limit, count);
  }

  private static void checkTable(int limit, int count) {
    MachineTable table = new MachineTable(limit);
    List<String> ids = new ArrayList<>();
    List<HardwareIdentity> machines = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String id = Ids.next("act");
      HardwareIdentity m = machine();
      assertThat(table.put(id, "text-" + i, m)).isTrue();
      ids.add(id);
      machines.add(m);
    }
    // first the last ones (a lookup moves what it finds into the young table)
    for (int i = Math.max(0, count - limit); i < count; i++) {
      assertThat(table.get(ids.get(i)))
          .as("one of the last %d remembered", limit)
          .isEqualTo(machines.get(i));
    }
    int found = 0;
    for (int i = 0; i < count; i++) {
      HardwareIdentity got = table.get(ids.get(i));
      if (got != null) {
        found++;
        assertThat(got).isEqualTo(machines.get(i));
        assertThat(table.get(ids.get(i), "text-" + i)).isEqualTo(machines.get(i));
        assertThat(table.get(ids.get(i), "other text-" + i)).isNull();
      }
    }
    assertThat(found).isLessThanOrEqualTo(2 * limit);
    assertThat(table.get(Ids.next("act"))).isNull();
  }

  /**
   * Threads putting and reading at once, in segments that grow meanwhile: below the limit nothing
   * is turned over, so every id put by any thread is found with its own identity.
   */
  @Property(tries = 3)
  void concurrentPutsAreAllKeptBelowTheLimit(@ForAll @IntRange(min = 2, max = 6) int threads)
      throws Exception {
    int each = 3_000;
    MachineTable table = new MachineTable(threads * each + 1);
    List<List<String>> ids = new ArrayList<>();
    List<List<HardwareIdentity>> machines = new ArrayList<>();
    List<Thread> running = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      List<String> mine = new ArrayList<>();
      List<HardwareIdentity> theirs = new ArrayList<>();
      for (int i = 0; i < each; i++) {
        mine.add(Ids.next("act"));
        theirs.add(machine());
      }
      ids.add(mine);
      machines.add(theirs);
      running.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    for (int i = 0; i < each; i++) {
                      table.put(mine.get(i), "text", theirs.get(i));
                      table.get(mine.get(i / 2)); // reads while other segments grow
                    }
                  }));
    }
    for (Thread t : running) {
      t.join();
    }
    for (int t = 0; t < threads; t++) {
      for (int i = 0; i < each; i++) {
        assertThat(table.get(ids.get(t).get(i), "text")).isEqualTo(machines.get(t).get(i));
      }
    }
  }

  @Property(tries = 20)
  void anEntryFoundInTheOldTableOutlivesTheNextTurnOver(
      @ForAll @IntRange(min = 1, max = 200) int limit) {
    MachineTable table = new MachineTable(limit);
    String kept = Ids.next("act");
    HardwareIdentity m = machine();
    table.put(kept, "kept", m);
    // fills the young table, then turns it over twice; the kept id is used once per turn
    for (int turn = 0; turn < 3; turn++) {
      for (int i = 0; i < limit; i++) {
        table.put(Ids.next("act"), "filler", machine());
      }
      assertThat(table.get(kept, "kept")).isEqualTo(m);
    }
  }

  @Property(tries = 10)
  void idsItCannotPackAreRefusedAndNeverFound(@ForAll @IntRange(min = 0, max = 3) int which) {
    String good = Ids.next("act");
    String bad =
        switch (which) {
          case 0 -> "cert" + good.substring(3); // another prefix
          case 1 -> good + "2"; // too long
          case 2 -> good.substring(0, good.length() - 1) + "0"; // '0' is not a symbol
          default -> "act-test";
        };
    MachineTable table = new MachineTable(10);
    assertThat(table.put(bad, "text", machine())).isFalse();
    assertThat(table.get(bad)).isNull();
  }
}
