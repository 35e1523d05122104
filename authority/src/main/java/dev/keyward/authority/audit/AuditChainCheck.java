package dev.keyward.authority.audit;

import dev.keyward.authority.store.AuditEntry;
import dev.keyward.core.catalog.TrustedKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Verifies the audit log: every entry's hash and link, the recorded head (when there is one), and
 * the chain against signed checkpoints. The same check runs in the authority ({@code GET
 * /v1/admin/audit/verify}, against its own checkpoint file) and in {@code keyward admin audit
 * verify --checkpoints FILE} (against the operator's copy, over the entries the API lists).
 *
 * <p>The chain alone proves only that the entries agree with each other: anyone who can write the
 * database can remove the last entries and move the head, or rewrite an entry and recompute every
 * hash after it. A checkpoint signed with the authority's key pins one entry's hash; a chain that
 * ends before it was truncated, and a chain whose hash there differs was rewritten.
 */
public final class AuditChainCheck {
  /** Entries are read in pages of this many. */
  public static final int PAGE = 1000;

  /** The log, a page at a time: the entries after {@code seq}, in order, at most {@code limit}. */
  @FunctionalInterface
  public interface Pages {
    List<AuditEntry> after(long seq, int limit);
  }

  /** The head as the database records it: the last entry's sequence number and hash. */
  public record Head(long seq, String hash) {}

  private AuditChainCheck() {}

  /**
   * @param head the recorded head, or empty when only the entries are at hand (checked from
   *     outside)
   * @param checkpoints checkpoints in any order (duplicates allowed)
   * @param trusted the authority's public signing keys (every key, old ones too)
   * @param fileProblems problems already found reading the checkpoints (malformed lines)
   */
  public static AuditReport check(
      Pages pages,
      Optional<Head> head,
      List<AuditCheckpoint> checkpoints,
      List<TrustedKey> trusted,
      List<AuditProblem> fileProblems) {
    List<AuditProblem> problems = new ArrayList<>(fileProblems);
    List<AuditCheckpoint> valid = new ArrayList<>();
    for (AuditCheckpoint c : checkpoints) {
      if (c.signatureValid(trusted)) {
        valid.add(c);
      } else {
        problems.add(
            new AuditProblem(
                AuditProblem.Kind.FORGED_CHECKPOINT,
                c.seq(),
                "the checkpoint for entry "
                    + c.seq()
                    + " dated "
                    + c.at()
                    + " does not carry a valid signature of a trusted key (key "
                    + c.keyId()
                    + "): it was not made by this authority, or it was edited"));
      }
    }
    valid.sort(Comparator.comparingLong(AuditCheckpoint::seq));
    TreeSet<Long> wanted = new TreeSet<>();
    valid.forEach(c -> wanted.add(c.seq()));
    Walk walk = walk(pages, wanted);
    walk.problem.ifPresent(problems::add);
    if (walk.problem.isEmpty() && head.isPresent()) {
      headProblem(head.get(), walk).ifPresent(problems::add);
    }
    if (walk.problem.isEmpty()) {
      problems.addAll(checkpointProblems(valid, walk));
    }
    return new AuditReport(
        walk.entries,
        walk.lastHash,
        valid.size(),
        valid.isEmpty() ? Optional.empty() : Optional.of(valid.get(valid.size() - 1).seq()),
        problems);
  }

  /** The chain as far as it holds, with the hashes at the entries the checkpoints name. */
  private record Walk(
      long entries, String lastHash, Map<Long, String> hashes, Optional<AuditProblem> problem) {}

  private static Walk walk(Pages pages, TreeSet<Long> wanted) {
    Map<Long, String> hashes = new HashMap<>();
    hashes.put(0L, AuditEntry.GENESIS);
    String prev = AuditEntry.GENESIS;
    long expected = 1;
    while (true) {
      List<AuditEntry> page = pages.after(expected - 1, PAGE);
      for (AuditEntry e : page) {
        Optional<AuditProblem> problem = linkProblem(e, expected, prev);
        if (problem.isPresent()) {
          return new Walk(expected - 1, prev, hashes, problem);
        }
        if (wanted.contains(e.seq())) {
          hashes.put(e.seq(), e.hash());
        }
        prev = e.hash();
        expected++;
      }
      if (page.size() < PAGE) {
        return new Walk(expected - 1, prev, hashes, Optional.empty());
      }
    }
  }

  private static Optional<AuditProblem> linkProblem(AuditEntry e, long expected, String prev) {
    if (e.seq() != expected) {
      return Optional.of(
          new AuditProblem(
              AuditProblem.Kind.MISSING, expected, "entry " + expected + " is missing"));
    }
    if (!e.prevHash().equals(prev)) {
      return Optional.of(
          new AuditProblem(
              AuditProblem.Kind.UNLINKED,
              e.seq(),
              "entry " + e.seq() + " does not link to the entry before it"));
    }
    if (!e.hashMatches()) {
      return Optional.of(
          new AuditProblem(
              AuditProblem.Kind.ALTERED,
              e.seq(),
              "entry " + e.seq() + " was altered (its hash does not match)"));
    }
    return Optional.empty();
  }

  private static Optional<AuditProblem> headProblem(Head head, Walk walk) {
    if (head.seq() == walk.entries && head.hash().equals(walk.lastHash)) {
      return Optional.empty();
    }
    return Optional.of(
        new AuditProblem(
            AuditProblem.Kind.HEAD_MISMATCH,
            walk.entries < head.seq() ? walk.entries + 1 : head.seq(),
            "the log ends at entry " + walk.entries + " but its head records entry " + head.seq()));
  }

  private static List<AuditProblem> checkpointProblems(List<AuditCheckpoint> valid, Walk walk) {
    List<AuditProblem> problems = new ArrayList<>();
    long lastGood = 0;
    boolean truncationReported = false;
    for (AuditCheckpoint c : valid) {
      if (c.seq() > walk.entries) {
        if (!truncationReported) {
          problems.add(
              new AuditProblem(
                  AuditProblem.Kind.TRUNCATED,
                  walk.entries + 1,
                  "the log ends at entry "
                      + walk.entries
                      + " but a checkpoint signed at "
                      + c.at()
                      + " records entry "
                      + c.seq()
                      + ": entries "
                      + (walk.entries + 1)
                      + " to "
                      + c.seq()
                      + " (at least) were removed"));
          truncationReported = true;
        }
      } else if (!walk.hashes.get(c.seq()).equals(c.hash())) {
        problems.add(
            new AuditProblem(
                AuditProblem.Kind.REWRITTEN,
                c.seq(),
                "entry "
                    + c.seq()
                    + " does not have the hash signed in the checkpoint of "
                    + c.at()
                    + ": an entry from "
                    + (lastGood + 1)
                    + " to "
                    + c.seq()
                    + " was rewritten and the chain after it recomputed"));
      } else {
        lastGood = c.seq();
      }
    }
    return problems;
  }
}
