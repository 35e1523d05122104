package dev.keyward.core.diagnose;

import static dev.keyward.core.error.ErrorCode.EVALUATION_RUNNING;
import static dev.keyward.core.error.ErrorCode.REARM_LIMIT_EXCEEDED;
import static dev.keyward.core.error.ErrorCode.RESTART_PENDING;

import java.util.List;
import java.util.Optional;

/**
 * The timers of seeds 000 and 002: no rearm left, an evaluation ending within 30 days, a conversion
 * waiting for its restart.
 */
final class EvaluationChecks {
  private static final long WARN_EVALUATION_MINUTES = 30L * 24 * 60;

  private EvaluationChecks() {}

  static List<Check> all() {
    return List.of(
        new Check(
            RESTART_PENDING,
            "seed 000: conversion waiting for its restart",
            EvaluationChecks::pending),
        new Check(REARM_LIMIT_EXCEEDED, "seed 000: rearm limit", EvaluationChecks::rearmLimit),
        new Check(
            EVALUATION_RUNNING, "seed 002: evaluation ending soon", EvaluationChecks::endingSoon));
  }

  private static Optional<Finding> pending(Facts f) {
    ProductFacts p = f.product();
    return p.pendingEdition()
        .map(
            target ->
                new Finding(
                    Severity.ERROR,
                    RESTART_PENDING,
                    "seed 000",
                    "The conversion to " + target + " waits for a restart.",
                    List.of(
                        "installed edition " + p.edition() + ", pending edition " + target,
                        "state " + p.state()),
                    List.of("keyward restart", Commands.activate())));
  }

  private static Optional<Finding> rearmLimit(Facts f) {
    ProductFacts p = f.product();
    boolean refused = f.failedWith(REARM_LIMIT_EXCEEDED).isPresent();
    boolean inGrace = p.inState("ExtendedGrace") || p.inState("InitialGrace");
    if (!refused && !(p.rearmsLeft() == 0 && inGrace)) {
      return Optional.empty();
    }
    List<String> commands =
        p.evaluation()
            ? Commands.conversion(EditionChecks.target(f))
            : p.partialKey().isPresent()
                ? List.of(Commands.activate())
                : Commands.newKey(Commands.KEY);
    return Optional.of(
        new Finding(
            refused ? Severity.ERROR : Severity.WARNING,
            REARM_LIMIT_EXCEEDED,
            "seed 000",
            "No rearm is left: the grace cannot be restarted again; "
                + (p.evaluation() ? "convert the evaluation" : "activate")
                + " before it ends.",
            List.of(
                "rearms left 0, state "
                    + p.state()
                    + p.remainingMinutes().map(m -> ", " + m + " minutes left").orElse(""),
                p.evaluation() ? EditionChecks.paths(p) : "installed key: " + p.keyWords()),
            commands));
  }

  private static Optional<Finding> endingSoon(Facts f) {
    ProductFacts p = f.product();
    if (!p.evaluation()
        || !p.inState("ExtendedGrace")
        || p.remainingMinutes().orElse(Long.MAX_VALUE) > WARN_EVALUATION_MINUTES) {
      return Optional.empty();
    }
    String target = EditionChecks.target(f);
    return Optional.of(
        new Finding(
            Severity.WARNING,
            EVALUATION_RUNNING,
            "seed 002",
            "The evaluation ends in "
                + p.remainingMinutes().get() / (24 * 60)
                + " days: convert it before.",
            List.of(
                "evaluation end " + p.evaluationEnd().map(Object::toString).orElse("?"),
                EditionChecks.paths(p),
                EditionChecks.keyFact(f, target)),
            Commands.conversion(target)));
  }
}
