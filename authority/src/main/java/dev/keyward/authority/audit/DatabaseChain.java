package dev.keyward.authority.audit;

import dev.keyward.authority.store.AuditEntry;
import dev.keyward.authority.store.Database;
import dev.keyward.authority.store.Store;
import dev.keyward.core.catalog.TrustedKey;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The audit log as the database holds it. */
public final class DatabaseChain implements ChainView {
  private final Store store;
  private final Database db;

  public DatabaseChain(Store store) {
    this.store = store;
    this.db = store.db();
  }

  @Override
  public AuditChainCheck.Head head() {
    Map.Entry<Long, String> head = db.read(store.audit()::auditHead);
    return new AuditChainCheck.Head(head.getKey(), head.getValue());
  }

  @Override
  public Optional<String> hashAt(long seq) {
    List<AuditEntry> entries = db.read(h -> store.audit().audit(h, seq - 1, 1));
    return entries.stream().filter(e -> e.seq() == seq).map(AuditEntry::hash).findFirst();
  }

  /** Verifies the whole log, its head and the given checkpoints in one read transaction. */
  public AuditReport verify(CheckpointFile.Read checkpoints, List<TrustedKey> trusted) {
    return db.read(
        h -> {
          Map.Entry<Long, String> head = store.audit().auditHead(h);
          return AuditChainCheck.check(
              (after, limit) -> store.audit().audit(h, after, limit),
              Optional.of(new AuditChainCheck.Head(head.getKey(), head.getValue())),
              checkpoints.checkpoints(),
              trusted,
              checkpoints.problems());
        });
  }
}
