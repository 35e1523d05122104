package dev.keyward.authority.console;

import java.util.Map;
import java.util.Objects;

/**
 * The audit chain's verification as the audit page shows it.
 *
 * @param intact whether every hash, link, the head and the checkpoints agree
 * @param text one sentence: what was checked, or the first problem
 */
public record AuditStatus(boolean intact, String text) {
  static AuditStatus of(Map<String, Object> verify) {
    boolean ok = Boolean.TRUE.equals(verify.get("ok"));
    String checkpoints = Objects.toString(verify.get("checkpoints"), "0");
    if (ok) {
      return new AuditStatus(
          true,
          "Chain verified: "
              + verify.get("entries")
              + " entries, every hash and link intact, head "
              + shortHash(verify.get("head"))
              + ", "
              + checkpoints
              + " signed checkpoint(s) agree.");
    }
    return new AuditStatus(
        false,
        dev.keyward.core.error.ErrorCode.AUDIT_LOG_TAMPERED.hex()
            + " "
            + dev.keyward.core.error.ErrorCode.AUDIT_LOG_TAMPERED.symbolicName()
            + " at entry "
            + verify.get("brokenAt")
            + ": "
            + verify.get("reason")
            + " ("
            + verify.get("entries")
            + " entries form an unbroken chain).");
  }

  private static String shortHash(Object hash) {
    String h = Objects.toString(hash, "");
    return h.length() > 12 ? h.substring(0, 12) + "…" : h;
  }
}
