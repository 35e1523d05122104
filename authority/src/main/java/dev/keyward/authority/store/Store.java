package dev.keyward.authority.store;

import dev.keyward.core.channel.MachineHardware;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The SQL of the authority, one method per statement, each run on the caller's handle so that a
 * decision and what it changes share one transaction.
 */
public final class Store {
  private static final String KEY_COLUMNS =
      "id, fingerprint, partial_key, encrypted_key, group_number, serial, product, version,"
          + " edition, channel, blocked, pool_size, pool_used, extension_total, created_at";
  private static final String ACTIVATION_COLUMNS =
      "id, key_id, components, cmid, active, spent, issued_at, released_at, release_reason,"
          + " certificate_id";

  private final Database db;

  public Store(Database db) {
    this.db = db;
  }

  public Database db() {
    return db;
  }

  // ---- keys

  public Optional<KeyRow> keyByFingerprint(Handle h, String fingerprint, boolean lock) {
    String sql =
        "SELECT "
            + KEY_COLUMNS
            + " FROM product_keys WHERE fingerprint = ?"
            + (lock ? db.forUpdate() : "");
    return jdbc(
        h,
        sql,
        ps -> {
          ps.setString(1, fingerprint);
          try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(key(rs)) : Optional.empty();
          }
        });
  }

  /**
   * Runs one statement of the activation path with plain JDBC on the handle's connection (every
   * activation runs these; the SQLite writer keeps them prepared, see {@link Database#prepare}).
   */
  private <T> T jdbc(Handle h, String sql, Database.StatementWork<T> work) {
    return db.run(h, sql, work);
  }

  /** A key record's id and partial key (neither ever changes), without locking it. */
  public Optional<Map.Entry<String, String>> keyIdentity(String fingerprint) {
    return db.readStatement(
        "SELECT id, partial_key FROM product_keys WHERE fingerprint = ?",
        ps -> {
          ps.setString(1, fingerprint);
          try (ResultSet rs = ps.executeQuery()) {
            return rs.next()
                ? Optional.of(Map.entry(rs.getString("id"), rs.getString("partial_key")))
                : Optional.empty();
          }
        });
  }

  public Optional<KeyRow> keyById(Handle h, String id, boolean lock) {
    return h.createQuery(
            "SELECT "
                + KEY_COLUMNS
                + " FROM product_keys WHERE id = :id"
                + (lock ? db.forUpdate() : ""))
        .bind("id", id)
        .map((rs, ctx) -> key(rs))
        .findOne();
  }

  public void insertKey(Handle h, KeyRow k) {
    h.createUpdate(
            "INSERT INTO product_keys ("
                + KEY_COLUMNS
                + ") VALUES (:id, :fingerprint, :partial, :encrypted, :group, :serial, :product,"
                + " :version, :edition, :channel, :blocked, :poolSize, :poolUsed, :ext, :created)")
        .bind("id", k.id())
        .bind("fingerprint", k.fingerprint())
        .bind("partial", k.partialKey())
        .bind("encrypted", k.encryptedKey())
        .bind("group", k.group())
        .bind("serial", k.serial())
        .bind("product", k.product())
        .bind("version", k.version())
        .bind("edition", k.edition().orElse(null))
        .bind("channel", k.channel())
        .bind("blocked", k.blocked())
        .bind("poolSize", k.poolSize())
        .bind("poolUsed", k.poolUsed())
        .bind("ext", k.extensionTotal())
        .bind("created", k.createdAt())
        .execute();
  }

  public void updateStanding(Handle h, KeyRow k) {
    jdbc(
        h,
        "UPDATE product_keys SET blocked = ?, pool_size = ?, pool_used = ?, extension_total = ?"
            + " WHERE id = ?",
        ps -> {
          ps.setBoolean(1, k.blocked());
          ps.setInt(2, k.poolSize());
          ps.setInt(3, k.poolUsed());
          ps.setInt(4, k.extensionTotal());
          ps.setString(5, k.id());
          return ps.executeUpdate();
        });
  }

  /** Takes {@code count} serials of a group; returns the first. */
  public long allocateSerials(Handle h, int group, int count) {
    h.createUpdate(
            "INSERT INTO serial_counters (group_number, next_serial) VALUES (:g, 1)"
                + " ON CONFLICT (group_number) DO NOTHING")
        .bind("g", group)
        .execute();
    long next =
        h.createQuery(
                "SELECT next_serial FROM serial_counters WHERE group_number = :g" + db.forUpdate())
            .bind("g", group)
            .mapTo(Long.class)
            .one();
    h.createUpdate("UPDATE serial_counters SET next_serial = :n WHERE group_number = :g")
        .bind("n", next + count)
        .bind("g", group)
        .execute();
    return next;
  }

  /** The (group, product, version, edition, channel) of every group that has issued keys. */
  public List<Map<String, Object>> issuedGroups(Handle h) {
    return h.createQuery(
            "SELECT DISTINCT group_number, product, version, edition, channel FROM product_keys"
                + " ORDER BY group_number")
        .mapToMap()
        .list();
  }

  public int activeCount(Handle h, String keyId) {
    return h.createQuery("SELECT COUNT(*) FROM activations WHERE key_id = :k AND active = TRUE")
        .bind("k", keyId)
        .mapTo(Integer.class)
        .one();
  }

  // ---- activations and certificates

  public List<ActivationRow> activations(Handle h, String keyId) {
    return activations(h, keyId, Rows.ALL);
  }

  /** Which of a key's activations to read. */
  public enum Rows {
    ALL(""),
    /** Active, or released by the machine itself and still holding its count. */
    ACTIVE_OR_SPENT(" AND (active = TRUE OR spent = TRUE)");

    private final String condition;

    Rows(String condition) {
      this.condition = condition;
    }
  }

  public List<ActivationRow> activations(Handle h, String keyId, Rows rows) {
    return jdbc(
        h,
        "SELECT "
            + ACTIVATION_COLUMNS
            + " FROM activations WHERE key_id = ?"
            + rows.condition
            + " ORDER BY issued_at, id",
        ps -> {
          ps.setString(1, keyId);
          List<ActivationRow> list = new ArrayList<>();
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              list.add(activation(rs));
            }
          }
          return list;
        });
  }

  /**
   * A key's activation as a decision reads it, with its machine.
   *
   * @param certificateId the certificate last issued for it
   */
  public record Prior(
      String id,
      MachineHardware machine,
      boolean active,
      boolean spent,
      long issuedAt,
      String certificateId) {}

  /** The machine of a stored activation: known by its id, else read from its components. */
  public interface MachineOf {
    /** The machine already read for this activation id, or null. */
    MachineHardware known(String activationId);

    MachineHardware read(String activationId, String components);
  }

  /**
   * A key's activations for a decision. The components column (about 400 bytes a row, up to a
   * hundred rows for a multiple activation key) is decoded only for activations whose machine
   * {@code machines} does not know yet; columns are read by position.
   */
  public List<Prior> priors(Handle h, String keyId, Rows rows, MachineOf machines) {
    return jdbc(
        h,
        "SELECT id, active, spent, issued_at, certificate_id, components FROM activations"
            + " WHERE key_id = ?"
            + rows.condition
            + " ORDER BY issued_at, id",
        ps -> {
          ps.setString(1, keyId);
          List<Prior> list = new ArrayList<>();
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              String id = rs.getString(1);
              MachineHardware machine = machines.known(id);
              if (machine == null) {
                machine = machines.read(id, rs.getString(6));
              }
              list.add(
                  new Prior(
                      id,
                      machine,
                      rs.getBoolean(2),
                      rs.getBoolean(3),
                      rs.getLong(4),
                      rs.getString(5)));
            }
          }
          return list;
        });
  }

  public List<ActivationRow> allActivations(Handle h, int limit) {
    return h.createQuery(
            "SELECT " + ACTIVATION_COLUMNS + " FROM activations ORDER BY issued_at, id LIMIT :l")
        .bind("l", limit)
        .map((rs, ctx) -> activation(rs))
        .list();
  }

  public Optional<ActivationRow> activation(Handle h, String id) {
    return h.createQuery("SELECT " + ACTIVATION_COLUMNS + " FROM activations WHERE id = :id")
        .bind("id", id)
        .map((rs, ctx) -> activation(rs))
        .findOne();
  }

  /**
   * Stores a grant: its activation, its certificate and, when it took a count from a multiple
   * activation key's pool, the key's new standing. On PostgreSQL one statement (data-modifying
   * {@code WITH}): one round trip to the server instead of three; SQLite runs the three statements.
   */
  public void insertGrant(
      Handle h, ActivationRow a, long issuedAt, String signed, Optional<KeyRow> standing) {
    if (db.dialect() != Database.Dialect.POSTGRESQL) {
      insertActivation(h, a);
      insertCertificate(h, a.certificateId(), a.id(), issuedAt, signed);
      standing.ifPresent(k -> updateStanding(h, k));
      return;
    }
    String activation =
        "INSERT INTO activations ("
            + ACTIVATION_COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?)";
    String certificate =
        "INSERT INTO certificates (id, activation_id, issued_at, signed) VALUES (?, ?, ?, ?)";
    String sql =
        standing.isEmpty()
            ? "WITH activation AS (" + activation + ") " + certificate
            : "WITH activation AS ("
                + activation
                + "), certificate AS ("
                + certificate
                + ") UPDATE product_keys SET blocked = ?, pool_size = ?, pool_used = ?,"
                + " extension_total = ? WHERE id = ?";
    jdbc(
        h,
        sql,
        ps -> {
          ps.setString(1, a.id());
          ps.setString(2, a.keyId());
          ps.setString(3, a.components());
          ps.setString(4, a.cmid());
          ps.setBoolean(5, a.active());
          ps.setBoolean(6, a.spent());
          ps.setLong(7, a.issuedAt());
          ps.setString(8, a.certificateId());
          ps.setString(9, a.certificateId());
          ps.setString(10, a.id());
          ps.setLong(11, issuedAt);
          ps.setString(12, signed);
          if (standing.isPresent()) {
            KeyRow k = standing.get();
            ps.setBoolean(13, k.blocked());
            ps.setInt(14, k.poolSize());
            ps.setInt(15, k.poolUsed());
            ps.setInt(16, k.extensionTotal());
            ps.setString(17, k.id());
          }
          return ps.executeUpdate();
        });
  }

  public void insertActivation(Handle h, ActivationRow a) {
    jdbc(
        h,
        "INSERT INTO activations ("
            + ACTIVATION_COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?)",
        ps -> {
          ps.setString(1, a.id());
          ps.setString(2, a.keyId());
          ps.setString(3, a.components());
          ps.setString(4, a.cmid());
          ps.setBoolean(5, a.active());
          ps.setBoolean(6, a.spent());
          ps.setLong(7, a.issuedAt());
          ps.setString(8, a.certificateId());
          return ps.executeUpdate();
        });
  }

  public void release(Handle h, String activationId, long at, String reason) {
    h.createUpdate(
            "UPDATE activations SET active = FALSE, released_at = :at, release_reason = :r"
                + " WHERE id = :id")
        .bind("at", at)
        .bind("r", AuditText.free(reason, adminTokenHashes(h)))
        .bind("id", activationId)
        .execute();
  }

  /** Marks an activation as no longer holding the pool count it took (support gave it back). */
  public void returnCount(Handle h, String activationId) {
    h.createUpdate("UPDATE activations SET spent = FALSE WHERE id = :id")
        .bind("id", activationId)
        .execute();
  }

  public void reactivate(Handle h, String activationId) {
    h.createUpdate(
            "UPDATE activations SET active = TRUE, released_at = NULL, release_reason = NULL"
                + " WHERE id = :id")
        .bind("id", activationId)
        .execute();
  }

  public void insertCertificate(
      Handle h, String id, String activationId, long issuedAt, String signed) {
    jdbc(
        h,
        "INSERT INTO certificates (id, activation_id, issued_at, signed) VALUES (?, ?, ?, ?)",
        ps -> {
          ps.setString(1, id);
          ps.setString(2, activationId);
          ps.setLong(3, issuedAt);
          ps.setString(4, signed);
          return ps.executeUpdate();
        });
  }

  public void setCurrentCertificate(Handle h, String activationId, String certificateId) {
    h.createUpdate("UPDATE activations SET certificate_id = :c WHERE id = :id")
        .bind("c", certificateId)
        .bind("id", activationId)
        .execute();
  }

  /** The signed certificate JSON and its activation id. */
  public record CertificateRow(String id, String activationId, String signed) {}

  public Optional<CertificateRow> certificate(Handle h, String id) {
    return jdbc(
        h,
        "SELECT id, activation_id, signed FROM certificates WHERE id = ?",
        ps -> {
          ps.setString(1, id);
          try (ResultSet rs = ps.executeQuery()) {
            return rs.next()
                ? Optional.of(
                    new CertificateRow(
                        rs.getString("id"), rs.getString("activation_id"), rs.getString("signed")))
                : Optional.empty();
          }
        });
  }

  // ---- catalogs and tokens

  public record CatalogRow(String source, Optional<String> content) {}

  public Optional<CatalogRow> latestCatalog(Handle h) {
    return h.createQuery("SELECT source, content FROM catalogs ORDER BY id DESC LIMIT 1")
        .map(
            (rs, ctx) ->
                new CatalogRow(
                    rs.getString("source"), Optional.ofNullable(rs.getString("content"))))
        .findOne();
  }

  public void insertCatalog(Handle h, String source, String content, long at) {
    long id =
        h.createQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM catalogs").mapTo(Long.class).one();
    h.createUpdate(
            "INSERT INTO catalogs (id, source, content, loaded_at) VALUES (:id, :s, :c, :at)")
        .bind("id", id)
        .bind("s", source)
        .bind("c", content)
        .bind("at", at)
        .execute();
  }

  public void ensureAdminToken(Handle h, String hash, long at) {
    h.createUpdate(
            "INSERT INTO admin_tokens (hash, created_at) VALUES (:h, :at)"
                + " ON CONFLICT (hash) DO NOTHING")
        .bind("h", hash)
        .bind("at", at)
        .execute();
  }

  public List<String> adminTokenHashes(Handle h) {
    return h.createQuery("SELECT hash FROM admin_tokens").mapTo(String.class).list();
  }

  // ---- audit

  /**
   * Appends an entry to the hash chain; the head row lock numbers entries one by one. The actor and
   * the detail's free-text fields are stored with product keys and tokens masked.
   */
  public AuditEntry appendAudit(
      Handle h, long at, String actorText, String action, String subject, String detailText) {
    // Free text is stored with pasted keys and tokens masked: the log keeps it forever.
    List<String> tokenHashes = adminTokenHashes(h);
    String actor = AuditText.free(actorText, tokenHashes);
    String detail = AuditText.detail(detailText, tokenHashes);
    var head =
        h.createQuery("SELECT seq, hash FROM audit_head WHERE id = 1" + db.forUpdate())
            .map((rs, ctx) -> Map.entry(rs.getLong("seq"), rs.getString("hash")))
            .one();
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

  /** The chain head as recorded: the last sequence number and its hash. */
  public Map.Entry<Long, String> auditHead(Handle h) {
    return h.createQuery("SELECT seq, hash FROM audit_head WHERE id = 1")
        .map((rs, ctx) -> Map.entry(rs.getLong("seq"), rs.getString("hash")))
        .one();
  }

  // ---- mapping

  private static KeyRow key(ResultSet rs) throws SQLException {
    return new KeyRow(
        rs.getString("id"),
        rs.getString("fingerprint"),
        rs.getString("partial_key"),
        rs.getString("encrypted_key"),
        rs.getInt("group_number"),
        rs.getLong("serial"),
        rs.getString("product"),
        rs.getString("version"),
        Optional.ofNullable(rs.getString("edition")),
        rs.getString("channel"),
        rs.getBoolean("blocked"),
        rs.getInt("pool_size"),
        rs.getInt("pool_used"),
        rs.getInt("extension_total"),
        rs.getLong("created_at"));
  }

  private static ActivationRow activation(ResultSet rs) throws SQLException {
    long released = rs.getLong("released_at");
    Optional<Long> releasedAt = rs.wasNull() ? Optional.empty() : Optional.of(released);
    return new ActivationRow(
        rs.getString("id"),
        rs.getString("key_id"),
        rs.getString("components"),
        rs.getString("cmid"),
        rs.getBoolean("active"),
        rs.getBoolean("spent"),
        rs.getLong("issued_at"),
        releasedAt,
        Optional.ofNullable(rs.getString("release_reason")),
        rs.getString("certificate_id"));
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

  /** Lists collected row by row (for verification walks over the whole log). */
  public List<AuditEntry> auditPage(Handle h, long after, int limit) {
    return new ArrayList<>(audit(h, after, limit));
  }
}
