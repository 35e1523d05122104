package dev.keyward.lab.run;

import dev.keyward.client.KeywardClient;
import dev.keyward.client.KeywardException;
import dev.keyward.client.VendorTrust;
import dev.keyward.core.error.ErrorCode;
import dev.keyward.lab.run.Checks.Outcome;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the lab's in-process servers share ({@link LabDirectories}, {@link LabVolumeHosts}, {@link
 * LabVmHosts}): their {@code NAME start|stop} words, their outcome as the console would show it,
 * and the machine's own client a host serves from.
 */
final class LabServers {
  private LabServers() {}

  /** Whether the words are {@code NAME start} or {@code NAME stop} (with any options). */
  static boolean handles(String name, List<String> words) {
    return words.get(0).equalsIgnoreCase(name)
        && words.size() >= 2
        && List.of("start", "stop").contains(words.get(1).toLowerCase(Locale.ROOT));
  }

  /** Start or stop with no options: {@code start} or {@code stop} runs, by the second word. */
  static Outcome startOrStop(
      String name, List<String> words, Supplier<String> start, Supplier<String> stop) {
    return outcome(
        () -> {
          if (words.size() > 2) {
            throw KeywardException.of(
                ErrorCode.BAD_REQUEST, "the lab's " + name + " start and stop take no options");
          }
          return words.get(1).equalsIgnoreCase("start") ? start.get() : stop.get();
        });
  }

  /** The step's text on success; a refusal printed as the console prints it, exit code 1. */
  static Outcome outcome(Supplier<String> step) {
    try {
      return new Outcome(0, Optional.empty(), "", Map.of("ok", true), step.get());
    } catch (KeywardException e) {
      String text =
          "Error: "
              + e.code().hex()
              + " "
              + e.code().symbolicName()
              + "\n"
              + e.failure().message()
              + "\n";
      return new Outcome(1, Optional.of(e.code().hex()), e.failure().message(), null, text);
    }
  }

  /** M's own client (its store, machine, authority address and clock), which a host serves from. */
  static KeywardClient client(LabSession lab, LabMachine m) {
    return KeywardClient.builder()
        .store(m.store)
        .machine(() -> m.facts)
        .authority(URI.create(lab.url(m)))
        .trust(VendorTrust.read(lab.authority.trustFile()))
        .clock(lab.clock(m))
        .build();
  }
}
