package dev.keyward.core.diagnose;

import static dev.keyward.core.error.ErrorCode.AUTHORITY_UNREACHABLE;
import static dev.keyward.core.error.ErrorCode.MAK_LIMIT_EXCEEDED;
import static dev.keyward.core.error.ErrorCode.MAXIMUM_UNLOCK_EXCEEDED;
import static dev.keyward.core.error.ErrorCode.STORE_TAMPERED;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the authority and the store say: a store that failed its integrity check, a key already used
 * on another machine (seed 003: {@code /upk} on the old machine, or support releases it), an empty
 * MAK pool, an authority that does not answer (phone activation).
 */
final class AuthorityChecks {
  private AuthorityChecks() {}

  static List<Check> all() {
    return List.of(
        new Check(STORE_TAMPERED, "store tampered with or damaged", AuthorityChecks::tampered),
        new Check(
            MAXIMUM_UNLOCK_EXCEEDED,
            "seed 003: key already used elsewhere",
            AuthorityChecks::inUse),
        new Check(MAK_LIMIT_EXCEEDED, "seed 001/003: MAK pool empty", AuthorityChecks::poolEmpty),
        new Check(
            AUTHORITY_UNREACHABLE, "seed 000: no Internet access", AuthorityChecks::unreachable));
  }

  private static Optional<Finding> tampered(Facts f) {
    ProductFacts p = f.product();
    if (f.storeProblem().isEmpty() && !p.inState("NonGenuineGrace")) {
      return Optional.empty();
    }
    List<String> facts = new ArrayList<>();
    f.storeProblem()
        .ifPresent(s -> facts.add("the license store failed its integrity check: " + s));
    facts.add(
        "state "
            + p.state()
            + p.remainingMinutes().map(m -> ", " + m + " minutes left").orElse(""));
    facts.add("installed key: " + p.keyWords());
    if (p.partialKey().isEmpty()) {
      facts.add(Commands.KEY + " is the product key of this machine");
    }
    return Optional.of(
        new Finding(
            Severity.BLOCKING,
            STORE_TAMPERED,
            "store integrity",
            "The license store was changed outside keyward or damaged: activate again to replace it.",
            facts,
            p.partialKey().isPresent()
                ? List.of(Commands.activate())
                : Commands.newKey(Commands.KEY)));
  }

  private static Optional<Finding> inUse(Facts f) {
    ProductFacts p = f.product();
    Optional<LastFailure> last = f.failedWith(MAXIMUM_UNLOCK_EXCEEDED);
    if (last.isEmpty() || p.inState("Licensed")) {
      return Optional.empty();
    }
    String partial = last.get().keyPartial().or(p::partialKey).orElse("?");
    List<String> facts = new ArrayList<>();
    facts.add("last failure: " + last.get().describe());
    facts.add("channel " + p.channel().orElse("none") + ", partial key " + partial);
    if (p.hasChannel("OEM")) {
      facts.add("an OEM key stays with the machine it was first activated on, even released");
      facts.add(
          Commands.KEY + " is a new " + p.version() + " " + p.edition() + " key for this machine");
      return Optional.of(
          new Finding(
              Severity.ERROR,
              MAXIMUM_UNLOCK_EXCEEDED,
              "seed 003",
              "The OEM key ending in "
                  + partial
                  + " belongs to another machine and never moves: install a licence for this one.",
              facts,
              Commands.newKey(Commands.KEY)));
    }
    facts.add(
        "a retail key is active on one machine at a time: the old machine releases it with /upk, or support releases it when that machine is gone");
    facts.add(Commands.KEY + " is the key ending in " + partial);
    return Optional.of(
        new Finding(
            Severity.ERROR,
            MAXIMUM_UNLOCK_EXCEEDED,
            "seed 003",
            "The key ending in "
                + partial
                + " is active on another machine: run /upk there, or ask support to release the old machine: partial key "
                + partial
                + ".",
            facts,
            List.of(Commands.OLD_MACHINE + "keyward slmgr /upk", Commands.activate()),
            List.of(
                Commands.release("old machine retired; partial key " + partial),
                Commands.activate())));
  }

  private static Optional<Finding> poolEmpty(Facts f) {
    ProductFacts p = f.product();
    Optional<LastFailure> last = f.failedWith(MAK_LIMIT_EXCEEDED);
    if (last.isEmpty() || p.inState("Licensed")) {
      return Optional.empty();
    }
    String partial = last.get().keyPartial().or(p::partialKey).orElse("?");
    return Optional.of(
        new Finding(
            Severity.ERROR,
            MAK_LIMIT_EXCEEDED,
            "seed 001",
            "The MAK ending in "
                + partial
                + " has no activation left: ask support to extend its pool, then activate.",
            List.of(
                "last failure: " + last.get().describe(),
                "every new machine and every reactivation out of tolerance takes one count of the pool",
                Commands.KEY + " is the MAK ending in " + partial),
            List.of(
                Commands.SUPPORT
                    + "keyward admin mak extend "
                    + Commands.KEY
                    + " --by 1 --reason \"pool exhausted; partial key "
                    + partial
                    + "\"",
                Commands.activate())));
  }

  private static Optional<Finding> unreachable(Facts f) {
    ProductFacts p = f.product();
    if (f.authority().isEmpty() || f.authority().get().reachable() || p.inState("Licensed")) {
      return Optional.empty();
    }
    boolean needsAuthority =
        p.channel()
            .map(
                c ->
                    c.equals("RETAIL")
                        || c.equals("OEM")
                        || c.equals("VOLUME_MAK")
                        || c.equals("VOLUME_KMS_HOST"))
            .orElse(false);
    if (!needsAuthority) {
      return Optional.empty();
    }
    return Optional.of(
        new Finding(
            Severity.WARNING,
            AUTHORITY_UNREACHABLE,
            "seed 000",
            "The activation authority does not answer: activate by phone.",
            List.of(
                "authority: " + f.authority().get().describe(),
                "read the installation ID (keyward slmgr /dti) to the activation centre; slui 4 takes the confirmation ID it reads back"),
            List.of("keyward slmgr /dti", "keyward slui 4")));
  }
}
