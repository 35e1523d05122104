package dev.keyward.core.diagnose;

import static dev.keyward.core.error.ErrorCode.ACTIVATION_OBJECT_MALFORMED;
import static dev.keyward.core.error.ErrorCode.ACTIVATION_OBJECT_UNTRUSTED;
import static dev.keyward.core.error.ErrorCode.DIRECTORY_UNREACHABLE;
import static dev.keyward.core.error.ErrorCode.NO_ACTIVATION_OBJECT;

import dev.keyward.core.error.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Directory-based activation (SPEC §12; the seeds' "manage licences through ADBA"): a joined
 * directory that does not answer, one that holds no object for this product, an object that
 * activates nothing. A publish the server refuses (0xC0DE0031, 0xC0DE0035) is not a state of this
 * machine: {@code directory publish} says so itself, with the remedy, when it fails.
 */
final class DirectoryChecks {
  private static final String SEED = "seeds: manage licences through ADBA";

  private DirectoryChecks() {}

  static List<Check> all() {
    return List.of(
        new Check(DIRECTORY_UNREACHABLE, SEED + ", directory unreachable", DirectoryChecks::down),
        new Check(NO_ACTIVATION_OBJECT, SEED + ", no activation object", DirectoryChecks::noObject),
        new Check(
            ACTIVATION_OBJECT_UNTRUSTED,
            SEED + ", object untrusted",
            f -> bad(f, ACTIVATION_OBJECT_UNTRUSTED)),
        new Check(
            ACTIVATION_OBJECT_MALFORMED,
            SEED + ", object malformed",
            f -> bad(f, ACTIVATION_OBJECT_MALFORMED)));
  }

  /** Joined, but the server does not answer: start it, or leave and use a volume host. */
  private static Optional<Finding> down(Facts f) {
    DirectoryFacts d = f.directory();
    if (!d.joined()) {
      return Optional.empty();
    }
    if (reachable(d)) {
      return d.lastFailedWith(DIRECTORY_UNREACHABLE) ? backUp(f, d) : Optional.empty();
    }
    List<String> facts = common(d);
    facts.add("directory server " + d.server().get().describe());
    facts.add(
        "while it does not answer, each check falls back to volume host discovery"
            + f.volume()
                .flatMap(VolumeFacts::firstReachable)
                .map(h -> " (" + h.address() + " answers)")
                .orElse(""));
    facts.add("to join it again later: keyward directory join " + d.directory().get());
    return Optional.of(
        new Finding(
            VolumeChecks.severity(f),
            DIRECTORY_UNREACHABLE,
            SEED,
            "The joined directory "
                + d.serverUrl().orElse("")
                + " does not answer: start it or let this machine reach its port, or leave it and"
                + " activate from a volume host.",
            facts,
            List.of(
                Commands.SYSTEM
                    + "start the directory server "
                    + d.serverUrl().orElse("")
                    + " and let this machine reach its port",
                Commands.activate()),
            List.of("keyward directory leave", Commands.activate())));
  }

  /** The last check could not reach the directory, which answers now: activate again. */
  private static Optional<Finding> backUp(Facts f, DirectoryFacts d) {
    List<String> facts = common(d);
    facts.add("directory server " + d.server().get().describe() + " now");
    return Optional.of(
        new Finding(
            VolumeChecks.severity(f),
            DIRECTORY_UNREACHABLE,
            SEED,
            "The directory did not answer at the last check but answers now: activate again (the"
                + " client would at its next check).",
            facts,
            List.of(Commands.activate())));
  }

  /** Joined and answering, but no object covers this product and version: publish one. */
  private static Optional<Finding> noObject(Facts f) {
    DirectoryFacts d = f.directory();
    if (!d.joined() || !reachable(d) || !d.lastFailedWith(NO_ACTIVATION_OBJECT)) {
      return Optional.empty();
    }
    List<String> facts = common(d);
    facts.add("the last check found no activation object for " + product(f));
    facts.add(
        "HOST_KEY is a volume host key of "
            + product(f)
            + "; publishing spends one of its activations");
    return Optional.of(
        new Finding(
            VolumeChecks.severity(f),
            NO_ACTIVATION_OBJECT,
            SEED,
            "The directory holds no activation object for "
                + product(f)
                + ": its administrator publishes one, then activate.",
            facts,
            List.of(Commands.SYSTEM + publish(d), Commands.activate()),
            List.of("keyward directory leave", Commands.activate())));
  }

  /** The object found activates nothing: replace it with one the authority's keys vouch for. */
  private static Optional<Finding> bad(Facts f, ErrorCode code) {
    DirectoryFacts d = f.directory();
    if (!d.joined() || !d.lastFailedWith(code)) {
      return Optional.empty();
    }
    List<String> facts = common(d);
    facts.add(
        "the last check found an object that activates nothing: "
            + code.hex()
            + " "
            + code.symbolicName());
    return Optional.of(
        new Finding(
            VolumeChecks.severity(f),
            code,
            SEED,
            "The directory's activation object for "
                + product(f)
                + " activates nothing: its administrator removes it and publishes a new one.",
            facts,
            List.of(
                Commands.SYSTEM
                    + "keyward directory list"
                    + admin(d)
                    + " (the object's Problem: line)",
                Commands.SYSTEM + "keyward directory remove" + admin(d) + " OBJECT_DN",
                Commands.SYSTEM + publish(d),
                Commands.activate())));
  }

  private static boolean reachable(DirectoryFacts d) {
    return d.server().map(Reachability::reachable).orElse(true);
  }

  private static List<String> common(DirectoryFacts d) {
    List<String> facts = new ArrayList<>();
    facts.add("joined directory: " + d.directory().orElse("none"));
    d.describeObject().ifPresent(facts::add);
    d.lastResult().ifPresent(r -> facts.add("last directory check: " + r));
    return facts;
  }

  private static String admin(DirectoryFacts d) {
    return " --ldap "
        + d.serverUrl().orElse("URL")
        + " --base "
        + d.base().orElse("BASE")
        + " --bind-dn DN --password-file F";
  }

  private static String publish(DirectoryFacts d) {
    return "keyward directory publish" + admin(d) + " HOST_KEY";
  }

  private static String product(Facts f) {
    return f.product().productName() + " " + f.product().version();
  }
}
