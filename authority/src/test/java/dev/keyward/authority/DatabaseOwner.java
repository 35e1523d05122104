package dev.keyward.authority;

import dev.keyward.authority.store.AuditEntry;
import dev.keyward.authority.store.Database;
import dev.keyward.authority.store.Store;
import java.util.List;

/**
 * What someone who owns the database can do to the audit log without the signing key: drop the
 * append-only triggers, then change rows and recompute hashes.
 */
final class DatabaseOwner {
  private DatabaseOwner() {}

  static void dropTriggers(Database db) {
    db.write(
        h -> {
          if (db.url().startsWith("jdbc:postgresql:")) {
            h.execute("DROP TRIGGER audit_log_append_only ON audit_log");
          } else {
            h.execute("DROP TRIGGER audit_log_no_update");
            h.execute("DROP TRIGGER audit_log_no_delete");
          }
          return null;
        });
  }

  /** Removes every entry after {@code keep} and moves the head back to it. */
  static void truncate(Database db, long keep) {
    dropTriggers(db);
    Store store = new Store(db);
    db.write(
        h -> {
          String hash =
              keep == 0 ? AuditEntry.GENESIS : store.audit().audit(h, keep - 1, 1).get(0).hash();
          h.createUpdate("DELETE FROM audit_log WHERE seq > :k").bind("k", keep).execute();
          h.createUpdate("UPDATE audit_head SET seq = :k, hash = :h WHERE id = 1")
              .bind("k", keep)
              .bind("h", hash)
              .execute();
          return null;
        });
  }

  /** Gives entry {@code seq} another detail and recomputes every hash from it to the head. */
  static void rewrite(Database db, long seq, String detail) {
    dropTriggers(db);
    Store store = new Store(db);
    db.write(
        h -> {
          List<AuditEntry> all = store.audit().audit(h, 0, 100_000);
          String prev = AuditEntry.GENESIS;
          for (AuditEntry e : all) {
            String newDetail = e.seq() == seq ? detail : e.detail();
            String hash =
                AuditEntry.hashOf(
                    prev, e.seq(), e.at(), e.actor(), e.action(), e.subject(), newDetail);
            h.createUpdate(
                    "UPDATE audit_log SET detail = :d, prev_hash = :p, hash = :h WHERE seq = :s")
                .bind("d", newDetail)
                .bind("p", prev)
                .bind("h", hash)
                .bind("s", e.seq())
                .execute();
            prev = hash;
          }
          h.createUpdate("UPDATE audit_head SET hash = :h WHERE id = 1").bind("h", prev).execute();
          return null;
        });
  }
}
