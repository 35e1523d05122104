package dev.keyward.core.diagnose;

import java.util.List;

/**
 * How far this machine is from the one its activation certificate names (SPEC §4).
 *
 * @param changed the components whose hashes differ, by file name, in canonical order
 * @param score the weighted count of {@code changed}
 * @param limit the largest score that is still the same machine
 * @param scoreKeepingUuidAndSerial the score if {@code uuid} and {@code serial} had been kept
 */
public record HardwareDrift(
    List<String> changed, int score, int limit, int scoreKeepingUuidAndSerial) {
  public HardwareDrift {
    changed = List.copyOf(changed);
  }

  public boolean outOfTolerance() {
    return score > limit;
  }

  /** How many weighted changes remain before the limit (negative: that far past it). */
  public int margin() {
    return limit - score;
  }

  public String describe() {
    String names = changed.isEmpty() ? "none" : String.join(", ", changed);
    return changed.size()
        + " of 10 components changed since activation ("
        + names
        + "), weighted "
        + score
        + " against a limit of "
        + limit
        + (outOfTolerance()
            ? ": " + (score - limit) + " past it"
            : ": " + margin() + " more change(s) allowed");
  }
}
