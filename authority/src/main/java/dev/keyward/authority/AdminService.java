package dev.keyward.authority;

import dev.keyward.authority.audit.AuditLog;
import dev.keyward.authority.store.Store;
import dev.keyward.core.catalog.Catalog;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The admin and support actions (docs/api.md), as the HTTP routes and the vendor console call them.
 * Each job lives in its own class: issuing keys ({@link KeyIssuing}), one key's standing ({@link
 * KeyStandings}), its activations ({@link KeyActivations}), downgrade keys ({@link Downgrades}),
 * the audit log ({@link AuditQueries}) and catalog uploads ({@link CatalogUpload}); this front only
 * wires them, so the callers name one service. Each change and its audit entry are one transaction.
 */
final class AdminService {
  static final int MAX_ISSUE = 1000;

  private final KeyIssuing issuing;
  private final KeyStandings standings;
  private final KeyActivations keyActivations;
  private final Downgrades downgrades;
  private final AuditQueries audit;
  private final CatalogUpload catalogUpload;

  AdminService(
      Store store,
      Keyring keyring,
      AtomicReference<Catalog> catalog,
      Clock clock,
      HeldActivations activations,
      AuditLog auditLog) {
    KeyLookup keys = new KeyLookup(store, keyring, catalog::get);
    this.downgrades = new Downgrades(store, keyring, catalog::get, clock);
    this.issuing = new KeyIssuing(store, keyring, catalog::get, clock);
    this.standings = new KeyStandings(store, keys, catalog::get, clock, downgrades);
    this.keyActivations = new KeyActivations(store, keys, clock, activations);
    this.audit = new AuditQueries(store, auditLog);
    this.catalogUpload = new CatalogUpload(store, catalog, clock);
  }

  Downgrades downgrades() {
    return downgrades;
  }

  /** What POST /v1/admin/keys asks for. */
  record IssueCommand(
      Optional<String> product,
      String version,
      Optional<String> edition,
      String channel,
      int count,
      Optional<Integer> pool) {}

  List<Map<String, Object>> issue(IssueCommand c, String actor) {
    return issuing.issue(c, actor);
  }

  Map<String, Object> show(String param) {
    return standings.show(param);
  }

  /** The record with the full key; every reveal is an audit entry. */
  Map<String, Object> reveal(String param, String actor) {
    return standings.reveal(param, actor);
  }

  Map<String, Object> setBlocked(String param, boolean blocked, String reason, String actor) {
    return standings.setBlocked(param, blocked, reason, actor);
  }

  Map<String, Object> extend(String param, int by, String reason, String actor) {
    return standings.extend(param, by, reason, actor);
  }

  /** Releases the key's active activations, or only {@code only}; how many were released. */
  int release(String param, Optional<String> only, String reason, String actor) {
    return keyActivations.release(param, only, reason, actor);
  }

  List<Map<String, Object>> activations(Optional<String> param, int limit) {
    return keyActivations.list(param, limit);
  }

  List<Map<String, Object>> audit(long after, int limit) {
    return audit.entries(after, limit);
  }

  /**
   * Walks the whole chain (each hash, each link, the head) and checks it against the checkpoints.
   */
  Map<String, Object> verifyAudit() {
    return audit.verify();
  }

  /** The current head, signed; 409 when the head contradicts the last checkpoint. */
  Map<String, Object> auditCheckpoint() {
    return audit.checkpoint();
  }

  /** Loads a catalog uploaded by an operator; every problem is listed in the 400. */
  List<String> loadCatalog(String text, String actor) {
    return catalogUpload.load(text, actor);
  }
}
