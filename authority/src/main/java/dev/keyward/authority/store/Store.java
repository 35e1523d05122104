package dev.keyward.authority.store;

import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The SQL of the authority, by table: each class holds one table's statements (keys, activations,
 * certificates, catalogs, admin tokens, the audit chain; phone confirmations and downgrade links in
 * {@link PhoneStore} and {@link DowngradeStore}), each statement run on the caller's handle so that
 * a decision and what it changes share one transaction.
 */
public final class Store {
  private final Database db;
  private final KeyStore keys;
  private final CertificateStore certificates;
  private final TokenStore tokens;
  private final ActivationStore activations;
  private final CatalogStore catalogs;
  private final AuditStore audit;
  private final DecisionRead decisionRead;

  public Store(Database db) {
    this.db = db;
    this.keys = new KeyStore(db);
    this.certificates = new CertificateStore(db);
    this.tokens = new TokenStore();
    this.activations = new ActivationStore(db, keys, certificates, tokens);
    this.catalogs = new CatalogStore();
    this.audit = new AuditStore(db, tokens);
    this.decisionRead = new DecisionRead(db, keys, activations, new DowngradeStore(db));
  }

  public Database db() {
    return db;
  }

  public KeyStore keys() {
    return keys;
  }

  public ActivationStore activations() {
    return activations;
  }

  public CertificateStore certificates() {
    return certificates;
  }

  public CatalogStore catalogs() {
    return catalogs;
  }

  public TokenStore tokens() {
    return tokens;
  }

  public AuditStore audit() {
    return audit;
  }

  /** What an activation's decision reads under its key's lock, in one round trip on PostgreSQL. */
  public DecisionRead decisionRead() {
    return decisionRead;
  }

  /** {@link KeyStore#keyByFingerprint}, for phone activation (not yet moved to {@link #keys()}). */
  public Optional<KeyRow> keyByFingerprint(Handle h, String fingerprint, boolean lock) {
    return keys.keyByFingerprint(h, fingerprint, lock);
  }

  /** {@link AuditStore#appendAudit}, for phone activation (not yet moved to {@link #audit()}). */
  public AuditEntry appendAudit(
      Handle h, long at, String actorText, String action, String subject, String detailText) {
    return audit.appendAudit(h, at, actorText, action, subject, detailText);
  }
}
