package dev.keyward.core.diagnose;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The decision rules of the seeds' troubleshooting articles, as one list of {@link Check}s, each
 * tied to a catalogue code and a seed situation (SPEC §17). {@link #findings} applies them all and
 * lists what they find, most important first: blocking before errors before warnings, and within a
 * severity in the order of {@link #CHECKS} (root causes first: a damaged store, a wrong clock).
 */
public final class Diagnosis {
  /** Every rule, in the order findings of the same severity are listed. */
  public static final List<Check> CHECKS = checks();

  private Diagnosis() {}

  private static List<Check> checks() {
    List<Check> all = new ArrayList<>();
    all.addAll(
        AuthorityChecks.all().stream()
            .filter(c -> c.code() == dev.keyward.core.error.ErrorCode.STORE_TAMPERED)
            .toList());
    all.addAll(ClockChecks.all());
    all.addAll(EvaluationChecks.all().subList(0, 1));
    all.addAll(EditionChecks.all());
    all.addAll(EvaluationChecks.all().subList(1, 3));
    all.addAll(GraceChecks.all());
    all.addAll(HardwareChecks.all());
    all.addAll(
        AuthorityChecks.all().stream()
            .filter(c -> c.code() != dev.keyward.core.error.ErrorCode.STORE_TAMPERED)
            .toList());
    // the directory is asked before volume host discovery, so its findings come first
    all.addAll(DirectoryChecks.all());
    all.addAll(VolumeChecks.all());
    return List.copyOf(all);
  }

  /** What the rules find in {@code facts}, most important first; empty: no problem found. */
  public static List<Finding> findings(Facts facts) {
    List<Finding> found = new ArrayList<>();
    for (Check check : CHECKS) {
      check.apply(facts).ifPresent(found::add);
    }
    found.sort(Comparator.comparing(Finding::severity)); // stable: rule order within a severity
    return List.copyOf(found);
  }
}
