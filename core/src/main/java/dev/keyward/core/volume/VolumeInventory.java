package dev.keyward.core.volume;

import dev.keyward.core.catalog.Family;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a volume host counts (SPEC §11), as a value: per family, the distinct client machine ids it
 * has seen and when it saw each last. The count is the CMIDs seen in the last 30 days; only the
 * most recent {@code keep} (2 × the highest threshold) are kept, so the count never exceeds it and
 * the inventory stays small however many clients ask. A clone of a machine (same CMID) is counted
 * once; a generalized machine has a new CMID and counts again.
 *
 * @param seen per family, the kept CMIDs, most recently seen first
 */
public record VolumeInventory(Map<Family, List<Seen>> seen) {
  /** How long a CMID counts after the host last saw it. */
  public static final Duration WINDOW = Duration.ofDays(30);

  /** One machine the host has seen. */
  public record Seen(String cmid, Instant lastSeen) {}

  private static final Comparator<Seen> MOST_RECENT_FIRST =
      Comparator.comparing(Seen::lastSeen).reversed().thenComparing(Seen::cmid);

  public VolumeInventory {
    Map<Family, List<Seen>> copy = new EnumMap<>(Family.class);
    seen.forEach((family, list) -> copy.put(family, List.copyOf(list)));
    seen = java.util.Collections.unmodifiableMap(copy);
  }

  public static VolumeInventory empty() {
    return new VolumeInventory(Map.of());
  }

  /**
   * This inventory after the host saw {@code cmid} of {@code family} at {@code at}: the CMID's last
   * sighting becomes the later of the two, CMIDs older than the window are dropped, and only the
   * {@code keep} most recent stay.
   */
  public VolumeInventory record(Family family, String cmid, Instant at, int keep) {
    if (keep < 1) {
      throw new IllegalArgumentException("keep must be at least 1, was " + keep);
    }
    Instant latest = at;
    List<Seen> next = new ArrayList<>();
    for (Seen s : seen.getOrDefault(family, List.of())) {
      if (s.cmid().equals(cmid)) {
        latest = s.lastSeen().isAfter(latest) ? s.lastSeen() : latest;
      } else if (counts(s, at)) {
        next.add(s);
      }
    }
    next.add(new Seen(cmid, latest));
    next.sort(MOST_RECENT_FIRST);
    Map<Family, List<Seen>> families = new EnumMap<>(Family.class);
    families.putAll(seen);
    families.put(family, next.subList(0, Math.min(keep, next.size())));
    return new VolumeInventory(families);
  }

  /** The count of {@code family} at {@code now}: kept CMIDs seen within the window. */
  public int count(Family family, Instant now) {
    return (int) seen.getOrDefault(family, List.of()).stream().filter(s -> counts(s, now)).count();
  }

  /** The kept CMIDs of {@code family}, most recently seen first. */
  public List<Seen> seen(Family family) {
    return seen.getOrDefault(family, List.of());
  }

  private static boolean counts(Seen s, Instant now) {
    return s.lastSeen().isAfter(now.minus(WINDOW));
  }
}
