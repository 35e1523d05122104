package dev.keyward.authority.audit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What verifying the audit log found.
 *
 * @param entries how many entries form an unbroken chain from the first
 * @param head the hash of the last of them (64 zeros for an empty log)
 * @param checkpoints how many checkpoints were checked against the chain (with valid signatures)
 * @param latestCheckpoint the highest entry a valid checkpoint pins, if any
 * @param problems what is wrong, in the order found; empty when the log is intact
 */
public record AuditReport(
    long entries,
    String head,
    int checkpoints,
    Optional<Long> latestCheckpoint,
    List<AuditProblem> problems) {

  public AuditReport {
    problems = List.copyOf(problems);
  }

  public boolean intact() {
    return problems.isEmpty();
  }

  /**
   * {@code {"ok": true, "entries", "head", "checkpoints", "latestCheckpoint"}} or {@code {"ok":
   * false, "brokenAt", "problem", "reason", "entries", "checkpoints", "problems": [...]}}, where
   * the top-level {@code brokenAt}, {@code problem} and {@code reason} are the first problem's.
   */
  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("ok", intact());
    if (intact()) {
      json.put("entries", entries);
      json.put("head", head);
    } else {
      AuditProblem first = problems.get(0);
      json.put("brokenAt", first.seq());
      json.put("problem", first.kind().code());
      json.put("reason", first.reason());
      json.put("entries", entries);
    }
    json.put("checkpoints", checkpoints);
    json.put("latestCheckpoint", latestCheckpoint.orElse(null));
    if (!intact()) {
      json.put("problems", problems.stream().map(AuditProblem::toJson).toList());
    }
    return json;
  }
}
