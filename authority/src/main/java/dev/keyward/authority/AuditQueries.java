package dev.keyward.authority;

import dev.keyward.authority.audit.AuditLog;
import dev.keyward.authority.audit.Checkpointer;
import dev.keyward.authority.http.ApiException;
import dev.keyward.authority.store.AuditEntry;
import dev.keyward.authority.store.Store;
import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.error.Failure;
import java.util.List;
import java.util.Map;

/** The audit log as operators read it: its entries, its chain verified, its head checkpointed. */
final class AuditQueries {
  private final Store store;
  private final AuditLog auditLog;

  AuditQueries(Store store, AuditLog auditLog) {
    this.store = store;
    this.auditLog = auditLog;
  }

  /** Up to {@code limit} entries after sequence number {@code after}. */
  List<Map<String, Object>> entries(long after, int limit) {
    return store
        .db()
        .read(h -> store.audit().audit(h, after, limit).stream().map(AuditEntry::toJson).toList());
  }

  /**
   * Walks the whole chain (each hash, each link, the head) and checks it against the checkpoints.
   */
  Map<String, Object> verify() {
    return auditLog.verify().toJson();
  }

  /** The current head, signed; 409 when the head contradicts the last checkpoint. */
  Map<String, Object> checkpoint() {
    return switch (auditLog.checkpointer().checkpoint()) {
      case Checkpointer.Outcome.Signed s -> s.checkpoint().toJson();
      case Checkpointer.Outcome.Refused r ->
          throw new ApiException(409, Failure.of(ErrorCode.AUDIT_LOG_TAMPERED, r.reason()));
    };
  }
}
