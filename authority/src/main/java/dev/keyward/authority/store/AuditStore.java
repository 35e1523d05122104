package dev.keyward.authority.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/** The SQL of the audit log's hash chain (tables {@code audit_log}, {@code audit_head}). */
public final class AuditStore {
  private final Database db;
  private final TokenStore tokens;

  AuditStore(Database db, TokenStore tokens) {
    this.db = db;
    this.tokens = tokens;
  }

  /**
   * Appends an entry to the hash chain; the head row lock numbers entries one by one. The actor and
   * the detail's free-text fields are stored with product keys and tokens masked.
   */
  public AuditEntry appendAudit(
      Handle h, long at, String actorText, String action, String subject, String detailText) {
    // Free text is stored with pasted keys and tokens masked: the log keeps it forever.
    List<String> tokenHashes = tokens.adminTokenHashes(h);
    String actor = AuditText.free(actorText, tokenHashes);
    String detail = AuditText.detail(detailText, tokenHashes);
    Map.Entry<Long, String> head = head(h, db.forUpdate());
    long seq = head.getKey() + 1;
    String prev = head.getValue();
    String hash = AuditEntry.hashOf(prev, seq, at, actor, action, subject, detail);
    h.createUpdate(
            "INSERT INTO audit_log (seq, at, actor, action, subject, detail, prev_hash, hash)"
                + " VALUES (:seq, :at, :actor, :action, :subject, :detail, :prev, :hash)")
        .bind("seq", seq)
        .bind("at", at)
        .bind("actor", actor)
        .bind("action", action)
        .bind("subject", subject)
        .bind("detail", detail)
        .bind("prev", prev)
        .bind("hash", hash)
        .execute();
    h.createUpdate("UPDATE audit_head SET seq = :seq, hash = :hash WHERE id = 1")
        .bind("seq", seq)
        .bind("hash", hash)
        .execute();
    return new AuditEntry(seq, at, actor, action, subject, detail, prev, hash);
  }

  public List<AuditEntry> audit(Handle h, long after, int limit) {
    return h.createQuery(
            "SELECT seq, at, actor, action, subject, detail, prev_hash, hash FROM audit_log"
                + " WHERE seq > :after ORDER BY seq LIMIT :l")
        .bind("after", after)
        .bind("l", limit)
        .map((rs, ctx) -> audit(rs))
        .list();
  }

  /** Lists collected row by row (for verification walks over the whole log). */
  public List<AuditEntry> auditPage(Handle h, long after, int limit) {
    return new ArrayList<>(audit(h, after, limit));
  }

  /** The chain head as recorded: the last sequence number and its hash. */
  public Map.Entry<Long, String> auditHead(Handle h) {
    return head(h, "");
  }

  private static Map.Entry<Long, String> head(Handle h, String lock) {
    return h.createQuery("SELECT seq, hash FROM audit_head WHERE id = 1" + lock)
        .map((rs, ctx) -> Map.entry(rs.getLong("seq"), rs.getString("hash")))
        .one();
  }

  private static AuditEntry audit(ResultSet rs) throws SQLException {
    return new AuditEntry(
        rs.getLong("seq"),
        rs.getLong("at"),
        rs.getString("actor"),
        rs.getString("action"),
        rs.getString("subject"),
        rs.getString("detail"),
        rs.getString("prev_hash"),
        rs.getString("hash"));
  }
}
