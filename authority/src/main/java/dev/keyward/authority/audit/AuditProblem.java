package dev.keyward.authority.audit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One thing wrong with the audit log, as {@code audit verify} reports it.
 *
 * @param kind what is wrong
 * @param seq the first entry concerned
 * @param reason what happened, in words
 */
public record AuditProblem(Kind kind, long seq, String reason) {

  /** The kinds, with the code each has in {@code --json} output and the API ({@code problem}). */
  public enum Kind {
    /** An entry's sequence number is not the one after its predecessor's. */
    MISSING("missing"),
    /** An entry's previous hash is not its predecessor's hash. */
    UNLINKED("unlinked"),
    /** An entry's hash is not the one its fields give. */
    ALTERED("altered"),
    /** The head row does not name the chain's last entry. */
    HEAD_MISMATCH("head-mismatch"),
    /** A checkpoint names an entry beyond the chain's end: entries were removed. */
    TRUNCATED("truncated"),
    /** The chain's hash at a checkpoint's entry is not the signed one: history was rewritten. */
    REWRITTEN("rewritten"),
    /** A checkpoint whose signature does not verify with a trusted key. */
    FORGED_CHECKPOINT("forged-checkpoint"),
    /** A line of a checkpoint file that is not a checkpoint. */
    MALFORMED_CHECKPOINT("malformed-checkpoint");

    private final String code;

    Kind(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }
  }

  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("problem", kind.code());
    json.put("seq", seq);
    json.put("reason", reason);
    return json;
  }
}
