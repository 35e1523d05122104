package dev.keyward.core.diagnose;

import static dev.keyward.core.error.ErrorCode.GRACE_TIME_EXPIRED;
import static dev.keyward.core.error.ErrorCode.PKEY_NOT_INSTALLED;

import java.util.List;
import java.util.Optional;

/**
 * A commercial edition that was never activated: no key installed, or the initial grace ran out
 * (the seeds' "10 days to activate after a conversion").
 */
final class GraceChecks {
  private GraceChecks() {}

  static List<Check> all() {
    return List.of(
        new Check(
            GRACE_TIME_EXPIRED, "seed 002: not activated within the grace", GraceChecks::graceOver),
        new Check(PKEY_NOT_INSTALLED, "seed 003: no key installed", GraceChecks::noKey));
  }

  private static Optional<Finding> graceOver(Facts f) {
    ProductFacts p = f.product();
    if (p.evaluation()
        || !p.inState("Notification")
        || p.reason().orElse(null) != GRACE_TIME_EXPIRED
        || f.lastFailure().isPresent()) {
      return Optional.empty();
    }
    boolean hasKey = p.partialKey().isPresent();
    return Optional.of(
        new Finding(
            Severity.BLOCKING,
            GRACE_TIME_EXPIRED,
            "seed 002",
            "The grace period ended without an activation: "
                + (hasKey ? "activate." : "install a key and activate."),
            List.of(
                "edition "
                    + p.edition()
                    + ", state Notification, reason "
                    + GRACE_TIME_EXPIRED.hex(),
                "installed key: " + p.keyWords(),
                hasKey
                    ? "the installed key is activated by keyward slmgr /ato"
                    : Commands.KEY + " is a " + p.version() + " " + p.edition() + " key"),
            hasKey ? List.of(Commands.activate()) : Commands.newKey(Commands.KEY)));
  }

  private static Optional<Finding> noKey(Facts f) {
    ProductFacts p = f.product();
    if (!p.inState("Unlicensed") || p.partialKey().isPresent() || f.lastFailure().isPresent()) {
      return Optional.empty();
    }
    return Optional.of(
        new Finding(
            Severity.BLOCKING,
            PKEY_NOT_INSTALLED,
            "seed 003",
            "No product key is installed: install one and activate.",
            List.of(
                "state Unlicensed, no key",
                Commands.KEY + " is a " + p.version() + " " + p.edition() + " key"),
            Commands.newKey(Commands.KEY)));
  }
}
