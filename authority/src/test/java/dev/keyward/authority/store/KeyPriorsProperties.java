package dev.keyward.authority.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.authority.crypto.Ids;
import dev.keyward.core.channel.MachineHardware;
import dev.keyward.core.hardware.HardwareIdentity;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * {@link KeyPriors}, the memo of a key's activations as its last decision read them, through a
 * key's life: grants append to it in place (read, or told by the granting decision, then
 * committed), anything else (an activation gone, a told grant rolled back or committed after
 * another) makes it refuse, and at every step each position gives back its own activation's machine
 * and nothing for another id, and the memo holds the rows as last read (a release included).
 */
class KeyPriorsProperties {
  private static ActivationStore.Prior prior(SplittableRandom random) {
    long[] bits = new long[HardwareIdentity.LONGS];
    for (int i = 0; i < bits.length; i++) {
      bits[i] = random.nextLong() & Long.MAX_VALUE;
    }
    MachineHardware machine = new MachineHardware.Identity(HardwareIdentity.fromBits(bits, 0));
    // now and then an id that does not pack (kept as its string)
    String id = random.nextInt(5) == 0 ? "imported-" + random.nextLong() : Ids.next("act");
    return new ActivationStore.Prior(id, machine, true, false, 0);
  }

  @Property(tries = 80)
  void grantsAppendAndARemovalIsRefused(
      @ForAll @IntRange(min = 0, max = 40) int first,
      @ForAll @IntRange(min = 1, max = 60) int steps,
      @ForAll long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<ActivationStore.Prior> read = new ArrayList<>();
    for (int i = 0; i < first; i++) {
      read.add(prior(random));
    }
    KeyPriors memo = KeyPriors.of(read, ActivationStore.Rows.ALL);
    // What the memo holds: the rows last read, then what decisions said they granted.
    List<ActivationStore.Prior> held = new ArrayList<>(read);
    for (int step = 0; step < steps; step++) {
      List<ActivationStore.Prior> next = new ArrayList<>(read);
      int what = random.nextInt(8);
      if (what < 2 || next.isEmpty()) { // a grant or two since the last read
        for (int k = 0; k <= what; k++) {
          next.add(prior(random));
        }
      } else if (what == 2) { // an activation gone (a deactivation, a transfer)
        next.remove(random.nextInt(next.size()));
      } else if (what == 3) { // a decision's grant, told to the memo and committed
        ActivationStore.Prior granted = prior(random);
        memo.granted(granted);
        held.add(granted);
        next.add(granted);
      } else if (what == 4) { // a grant told to the memo, then rolled back
        ActivationStore.Prior granted = prior(random);
        memo.granted(granted);
        held.add(granted);
      } else if (what == 5) { // a grant told, but another activation committed before it
        ActivationStore.Prior granted = prior(random);
        memo.granted(granted);
        held.add(granted);
        next.add(prior(random));
        next.add(granted);
      } else if (what == 6 && !next.isEmpty()) { // the same activations, one released since
        int i = random.nextInt(next.size());
        ActivationStore.Prior p = next.get(i);
        next.set(i, new ActivationStore.Prior(p.id(), p.machine(), false, p.spent(), p.issuedAt()));
      } // else: the same rows again (a refusal, a reissue)
      // Every position answers for its own activation, a told grant's included; none for another.
      for (int i = 0; i < held.size(); i++) {
        assertThat(memo.at(i, held.get(i).id())).isSameAs(held.get(i).machine());
      }
      for (int i = 0; i < held.size() + 1; i++) {
        assertThat(memo.at(i, Ids.next("act"))).isNull();
        assertThat(memo.at(i, "imported-x")).isNull();
      }
      boolean onlyAppended =
          next.size() >= held.size() && ids(next.subList(0, held.size())).equals(ids(held));
      boolean absorbed = memo.absorb(next);
      assertThat(absorbed).isEqualTo(onlyAppended);
      if (!absorbed) {
        memo = KeyPriors.of(next, ActivationStore.Rows.ALL); // what ActivationStore.completed does
      }
      read = next;
      held = new ArrayList<>(next);
      assertThat(memo.size()).isEqualTo(read.size());
      // and holds them as read now, not as first read
      assertThat(memo.list()).containsExactlyElementsOf(read);
      assertThat(memo.forRules())
          .containsExactlyElementsOf(read.stream().map(ActivationStore.Prior::forRules).toList());
      for (int i = 0; i < read.size(); i++) {
        ActivationStore.Prior p = read.get(i);
        assertThat(memo.at(i, p.id())).isSameAs(p.machine());
        assertThat(memo.at(i, Ids.next("act"))).isNull();
        assertThat(memo.at(i, "imported-x")).isNull();
      }
      assertThat(memo.at(read.size(), Ids.next("act"))).isNull();
    }
  }

  private static List<String> ids(List<ActivationStore.Prior> priors) {
    return priors.stream().map(ActivationStore.Prior::id).toList();
  }
}
