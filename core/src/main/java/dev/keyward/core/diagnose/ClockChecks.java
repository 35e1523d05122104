package dev.keyward.core.diagnose;

import static dev.keyward.core.error.ErrorCode.INVALID_TIMESTAMP;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The clock: set back behind the trusted time, or refused by the authority or a volume host. */
final class ClockChecks {
  private ClockChecks() {}

  static List<Check> all() {
    return List.of(new Check(INVALID_TIMESTAMP, "seed 000: clock off", ClockChecks::skew));
  }

  private static Optional<Finding> skew(Facts f) {
    boolean setBack = f.time().setBack();
    boolean refused = f.failedWith(INVALID_TIMESTAMP).isPresent();
    boolean hostRefused =
        f.volume().flatMap(VolumeFacts::lastResult).map(INVALID_TIMESTAMP::equals).orElse(false);
    if (!setBack && !refused && !hostRefused) {
      return Optional.empty();
    }
    List<String> facts = new ArrayList<>();
    facts.add("system clock " + f.time().system() + ", trusted time " + f.time().trusted());
    if (setBack) {
      facts.add(
          "the clock is "
              + f.time().behind().toMinutes()
              + " minutes behind the latest time this store has seen (tolerance "
              + f.time().tolerance().toMinutes()
              + " minutes): timers run at the trusted time");
    }
    f.failedWith(INVALID_TIMESTAMP).ifPresent(l -> facts.add("last failure: " + l.describe()));
    if (hostRefused) {
      facts.add("the volume host refused the last request: clocks more than 4 hours apart");
    }
    List<String> commands = new ArrayList<>();
    commands.add(Commands.clockRight());
    if (refused || hostRefused) {
      // the activation was refused for the clock alone: once it is right, activating succeeds
      commands.add(Commands.activate());
    }
    return Optional.of(
        new Finding(
            Severity.ERROR,
            INVALID_TIMESTAMP,
            "seed 000",
            "This machine's clock is wrong: set it right (NTP), then activate.",
            facts,
            commands));
  }
}
