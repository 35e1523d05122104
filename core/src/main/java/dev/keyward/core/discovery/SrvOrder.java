package dev.keyward.core.discovery;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

/**
 * The order in which a client tries the targets of an SRV answer (RFC 2782): every target of a
 * lower priority before any of a higher one; within one priority, a weighted random order, each
 * next target chosen with a probability proportional to its weight, zero-weight targets rarely
 * first (they are put at the head of the running sum, so they win only when the random number is
 * 0).
 */
public final class SrvOrder {
  private SrvOrder() {}

  /** The targets in the order to try them; the random source decides among equal priorities. */
  public static List<SrvTarget> order(List<SrvTarget> targets, RandomGenerator random) {
    TreeMap<Integer, List<SrvTarget>> byPriority = new TreeMap<>();
    for (SrvTarget t : targets) {
      byPriority.computeIfAbsent(t.priority(), p -> new ArrayList<>()).add(t);
    }
    List<SrvTarget> ordered = new ArrayList<>(targets.size());
    for (List<SrvTarget> group : byPriority.values()) {
      ordered.addAll(weighted(group, random));
    }
    return List.copyOf(ordered);
  }

  /** RFC 2782's selection within one priority. */
  private static List<SrvTarget> weighted(List<SrvTarget> group, RandomGenerator random) {
    List<SrvTarget> left = new ArrayList<>(group);
    // zero weights first, so that they are chosen only when the random number is 0
    left.sort(Comparator.comparingInt(t -> t.weight() == 0 ? 0 : 1));
    List<SrvTarget> out = new ArrayList<>(group.size());
    while (!left.isEmpty()) {
      long total = 0;
      for (SrvTarget t : left) {
        total += t.weight();
      }
      long pick = random.nextLong(total + 1);
      long running = 0;
      int chosen = left.size() - 1;
      for (int i = 0; i < left.size(); i++) {
        running += left.get(i).weight();
        if (running >= pick) {
          chosen = i;
          break;
        }
      }
      out.add(left.remove(chosen));
    }
    return out;
  }
}
