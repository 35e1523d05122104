package dev.keyward.core.diagnose;

import static dev.keyward.core.error.ErrorCode.INVALID_PRODUCT_KEY;
import static dev.keyward.core.error.ErrorCode.NOT_SUPPORTED;
import static dev.keyward.core.error.ErrorCode.PKEY_INVALID_CONFIG;
import static dev.keyward.core.error.ErrorCode.VALIDITY_PERIOD_EXPIRED;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The edition and key rules of seeds 000, 002 and 004: an evaluation that expired or refuses a
 * commercial key (a conversion fixes both), a key of another edition (the conversion that fits, or
 * the right key), a key of another version (a downgrade key), the rearm limit, a conversion waiting
 * for its restart.
 */
final class EditionChecks {
  private EditionChecks() {}

  static List<Check> all() {
    return List.of(
        new Check(VALIDITY_PERIOD_EXPIRED, "seed 000: expired evaluation", EditionChecks::expired),
        new Check(
            NOT_SUPPORTED,
            "seed 002: commercial key on an evaluation",
            EditionChecks::refusedOnEvaluation),
        new Check(
            INVALID_PRODUCT_KEY, "seed 004: key of another edition", EditionChecks::otherEdition),
        new Check(
            PKEY_INVALID_CONFIG, "seed 000: key of another version", EditionChecks::otherVersion));
  }

  private static Optional<Finding> expired(Facts f) {
    ProductFacts p = f.product();
    if (!p.evaluation()
        || p.pendingEdition().isPresent()
        || !p.inState("Notification")
        || p.reason().orElse(null) != VALIDITY_PERIOD_EXPIRED) {
      return Optional.empty();
    }
    String target = target(f);
    List<String> facts = new ArrayList<>();
    facts.add(
        "edition "
            + p.edition()
            + " is an evaluation"
            + p.evaluationEnd().map(e -> " that ended at " + e).orElse("")
            + "; state Notification, reason "
            + VALIDITY_PERIOD_EXPIRED.hex());
    facts.add("a key does not revive an expired evaluation; converting the edition does");
    facts.add(paths(p));
    facts.add(keyFact(f, target));
    f.lastFailure().ifPresent(l -> facts.add("last failure: " + l.describe()));
    return Optional.of(
        new Finding(
            Severity.BLOCKING,
            VALIDITY_PERIOD_EXPIRED,
            "seed 000",
            "The evaluation of "
                + p.productName()
                + " "
                + p.version()
                + " has expired: convert it to "
                + target
                + " with a "
                + p.version()
                + " key, restart, activate.",
            facts,
            Commands.conversion(target)));
  }

  private static Optional<Finding> refusedOnEvaluation(Facts f) {
    ProductFacts p = f.product();
    Optional<LastFailure> last = f.failedWith(NOT_SUPPORTED);
    if (!p.evaluation()
        || p.inState("Notification")
        || last.isEmpty()
        || p.pendingEdition().isPresent()) {
      return Optional.empty();
    }
    String target = target(f);
    return Optional.of(
        new Finding(
            Severity.ERROR,
            NOT_SUPPORTED,
            "seed 002",
            "An evaluation edition refuses every commercial key: convert "
                + p.edition()
                + " to "
                + target
                + " with that key instead of installing it.",
            List.of(
                "edition "
                    + p.edition()
                    + " (evaluation, channel TIMEBASED_EVAL), state "
                    + p.state(),
                "last failure: " + last.get().describe(),
                paths(p),
                keyFact(f, target)),
            Commands.conversion(target)));
  }

  private static Optional<Finding> otherEdition(Facts f) {
    ProductFacts p = f.product();
    Optional<LastFailure> last = f.failedWith(INVALID_PRODUCT_KEY);
    if (last.isEmpty() || last.get().keyEdition().isEmpty()) {
      return Optional.empty();
    }
    String keyEdition = last.get().keyEdition().get();
    if (keyEdition.equals(p.edition())) {
      return Optional.empty();
    }
    List<String> facts =
        new ArrayList<>(
            List.of(
                "installed edition " + p.edition() + "; the refused key is for " + keyEdition,
                "last failure: " + last.get().describe(),
                paths(p)));
    if (p.conversionTargets().contains(keyEdition)) {
      facts.add(Commands.keyIs("the " + keyEdition + " key", last.get().keyPartial()));
      facts.add(
          "or else: keep "
              + p.edition()
              + " and install a "
              + p.edition()
              + " key as "
              + Commands.KEY);
      return Optional.of(
          new Finding(
              Severity.ERROR,
              INVALID_PRODUCT_KEY,
              "seed 004",
              "The key is for "
                  + keyEdition
                  + ", not the installed "
                  + p.edition()
                  + ": convert the installation to "
                  + keyEdition
                  + " with it.",
              facts,
              Commands.conversion(keyEdition),
              List.of(Commands.KEY_INSTALL, Commands.activate())));
    }
    facts.add(
        Commands.KEY
            + " is a "
            + p.version()
            + " "
            + p.edition()
            + " key: "
            + p.edition()
            + " cannot become "
            + keyEdition);
    return Optional.of(
        new Finding(
            Severity.ERROR,
            INVALID_PRODUCT_KEY,
            "seed 004",
            "The key is for "
                + keyEdition
                + ", and "
                + p.edition()
                + " cannot be converted to it: install a "
                + p.edition()
                + " key.",
            facts,
            Commands.newKey(Commands.KEY)));
  }

  private static Optional<Finding> otherVersion(Facts f) {
    ProductFacts p = f.product();
    Optional<LastFailure> last = f.failedWith(PKEY_INVALID_CONFIG);
    if (last.isEmpty() || last.get().keyVersion().isEmpty()) {
      return Optional.empty();
    }
    String keyVersion = last.get().keyVersion().get();
    List<String> facts =
        List.of(
            "installed version " + p.version() + "; the refused key is of version " + keyVersion,
            "last failure: " + last.get().describe(),
            "a "
                + keyVersion
                + " licence may run "
                + p.version()
                + " under downgrade rights, but only with a key of "
                + p.version(),
            Commands.KEY
                + " is the "
                + keyVersion
                + " key ending in "
                + last.get().keyPartial().orElse("?")
                + "; "
                + Commands.DOWNGRADE_KEY
                + " the "
                + p.version()
                + " key support issues for it");
    List<String> commands = new ArrayList<>();
    commands.add(
        Commands.SUPPORT
            + "keyward admin keys downgrade "
            + Commands.KEY
            + " --version "
            + p.version()
            + " --reason \"downgrade rights: "
            + keyVersion
            + " licence runs "
            + p.version()
            + "\"");
    commands.addAll(Commands.newKey(Commands.DOWNGRADE_KEY));
    return Optional.of(
        new Finding(
            Severity.ERROR,
            PKEY_INVALID_CONFIG,
            "seed 000",
            "The key is of version "
                + keyVersion
                + ", not the installed "
                + p.version()
                + ": ask for a "
                + p.version()
                + " downgrade key and install it.",
            facts,
            commands));
  }

  /** The edition to convert to: the refused key's, when it is a path; else the first path. */
  static String target(Facts f) {
    List<String> targets = f.product().conversionTargets();
    Optional<String> keyEdition =
        f.lastFailure().flatMap(LastFailure::keyEdition).filter(targets::contains);
    return keyEdition.orElse(targets.isEmpty() ? "EDITION" : targets.get(0));
  }

  static String keyFact(Facts f, String target) {
    Optional<String> partial =
        f.lastFailure()
            .filter(l -> l.keyEdition().map(target::equals).orElse(false))
            .flatMap(LastFailure::keyPartial);
    return Commands.keyIs(
        "a " + f.product().version() + " " + target + " key (retail, MAK or volume)", partial);
  }

  static String paths(ProductFacts p) {
    return p.conversionTargets().isEmpty()
        ? p.edition() + " converts to no other edition"
        : p.edition() + " converts to " + String.join(", ", p.conversionTargets());
  }
}
