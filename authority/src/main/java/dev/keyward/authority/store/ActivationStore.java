package dev.keyward.authority.store;

import dev.keyward.core.channel.MachineHardware;
import dev.keyward.core.channel.PriorActivation;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The SQL of activations (table {@code activations}) and of storing a grant, each statement run on
 * the caller's handle so that a decision and what it changes share one transaction.
 */
public final class ActivationStore {
  private static final String COLUMNS =
      "id, key_id, components, cmid, active, spent, issued_at, released_at, release_reason,"
          + " certificate_id";

  private static final String ORDER = " ORDER BY issued_at, id";

  /** A new activation, bound by {@link #bindInsert}. */
  private static final String INSERT =
      "INSERT INTO activations (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?)";

  private final Database db;
  private final KeyStore keys;
  private final CertificateStore certificates;
  private final TokenStore tokens;

  ActivationStore(Database db, KeyStore keys, CertificateStore certificates, TokenStore tokens) {
    this.db = db;
    this.keys = keys;
    this.certificates = certificates;
    this.tokens = tokens;
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

  public List<ActivationRow> activations(Handle h, String keyId) {
    return activations(h, keyId, Rows.ALL);
  }

  public List<ActivationRow> activations(Handle h, String keyId, Rows rows) {
    return db.run(
        h,
        "SELECT " + COLUMNS + " FROM activations WHERE key_id = ?" + rows.condition + ORDER,
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
      String id, MachineHardware machine, boolean active, boolean spent, long issuedAt) {
    Prior withMachine(MachineHardware read) {
      return new Prior(id, read, active, spent, issuedAt);
    }

    /** The activation as {@link dev.keyward.core.channel.ChannelRules} looks at it. */
    public PriorActivation forRules() {
      return new PriorActivation(id, machine, active, Instant.ofEpochMilli(issuedAt), spent);
    }

    /** Whether {@code other}, the same activation read again, reads the same. */
    boolean sameAs(Prior other) {
      return active == other.active && spent == other.spent && issuedAt == other.issuedAt;
    }
  }

  /** The machine of a stored activation: known by its id, else read from its components. */
  public interface MachineOf {
    /** The machine already read for this activation id, or null. */
    MachineHardware known(String activationId);

    MachineHardware read(String activationId, String components);

    /**
     * The memo the key's previous decision left, or null; of whichever rows it read (the store uses
     * it only if its {@link KeyPriors#kind} is the rows asked for).
     */
    default KeyPriors lastRead(String keyId) {
      return null;
    }

    /** Remembers what a decision read, for the key's next one (one memo a key). */
    default void remember(String keyId, KeyPriors read) {}
  }

  /**
   * A key's activations for a decision. The first statement reads only columns of the index {@code
   * activations_by_key_in_order} (V9, narrowed by V10), in its order, so neither SQLite nor
   * PostgreSQL visits the table's rows; the components column (about 400 bytes a row, up to a
   * pool's size of rows for a multiple activation key) is read, by id, only for activations whose
   * machine {@code machines} does not know yet: once per activation in the process's life. On
   * SQLite's writer, none of it when the key's memo is still fresh ({@link KeyPriors#freshFor}).
   */
  public Priors priors(Handle h, String keyId, Rows rows, MachineOf machines) {
    KeyPriors last = lastRead(machines, keyId, rows);
    if (last != null && last.freshFor(db.writerChanges())) {
      return new Priors(last.list(), last);
    }
    List<Prior> list =
        db.run(
            h,
            priorsSql(rows, "?"),
            ps -> {
              ps.setString(1, keyId);
              try (ResultSet rs = ps.executeQuery()) {
                return readPriors(rs, last, machines);
              }
            });
    return completed(h, keyId, rows, list, last, machines);
  }

  /** The key's memo if it holds these rows, else null. */
  static KeyPriors lastRead(MachineOf machines, String keyId, Rows rows) {
    KeyPriors last = machines.lastRead(keyId);
    return last != null && last.kind() == rows ? last : null;
  }

  /** {@link #priors}' first statement, the key's id given by {@code keyId}. */
  static String priorsSql(Rows rows, String keyId) {
    return "SELECT id, active, spent, issued_at FROM activations WHERE key_id = "
        + keyId
        + rows.condition
        + ORDER;
  }

  /** The rows of {@link #priorsSql}, each with its machine if {@code last} or the cache has it. */
  static List<Prior> readPriors(ResultSet rs, KeyPriors last, MachineOf machines)
      throws SQLException {
    List<Prior> read = new ArrayList<>();
    while (rs.next()) {
      String id = rs.getString(1);
      MachineHardware machine = last == null ? null : last.at(read.size(), id);
      if (machine == null) {
        machine = machines.known(id);
      }
      read.add(new Prior(id, machine, rs.getBoolean(2), rs.getBoolean(3), rs.getLong(4)));
    }
    return read;
  }

  /**
   * A key's activations as its decision read them, and the memo that now holds them (the one its
   * next decision will read, to which a grant appends).
   */
  public record Priors(List<Prior> list, KeyPriors memo) {
    /** Tells the memo that the decision grants this new activation (before storing it). */
    public void granted(Prior grant) {
      memo.granted(grant);
    }

    /**
     * The same activations as {@link dev.keyward.core.channel.ChannelRules} looks at them, kept in
     * the memo with its rows (a multiple activation key's decision made one of each per row, up to
     * a pool's size).
     */
    public List<PriorActivation> forRules() {
      return memo.forRules();
    }
  }

  /** {@code list} with every machine read (components for those not known yet), remembered. */
  Priors completed(
      Handle h, String keyId, Rows rows, List<Prior> list, KeyPriors last, MachineOf machines) {
    for (int i = 0; i < list.size(); i++) {
      Prior p = list.get(i);
      if (p.machine() == null) {
        list.set(i, p.withMachine(machines.read(p.id(), components(h, p.id()))));
      }
    }
    ActivationChanges changes = db.writerChanges();
    if (last != null && last.absorb(list)) {
      last.readAt(changes);
      return new Priors(list, last);
    }
    KeyPriors memo = KeyPriors.of(list, rows);
    memo.readAt(changes);
    machines.remember(keyId, memo);
    return new Priors(list, memo);
  }

  private String components(Handle h, String activationId) {
    return db.run(
        h,
        "SELECT components FROM activations WHERE id = ?",
        ps -> {
          ps.setString(1, activationId);
          try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
              throw new SQLException("activation " + activationId + " vanished in a transaction");
            }
            return rs.getString(1);
          }
        });
  }

  public List<ActivationRow> allActivations(Handle h, int limit) {
    return h.createQuery("SELECT " + COLUMNS + " FROM activations" + ORDER + " LIMIT :l")
        .bind("l", limit)
        .map((rs, ctx) -> activation(rs))
        .list();
  }

  public Optional<ActivationRow> activation(Handle h, String id) {
    return h.createQuery("SELECT " + COLUMNS + " FROM activations WHERE id = :id")
        .bind("id", id)
        .map((rs, ctx) -> activation(rs))
        .findOne();
  }

  public int activeCount(Handle h, String keyId) {
    return h.createQuery("SELECT COUNT(*) FROM activations WHERE key_id = :k AND active = TRUE")
        .bind("k", keyId)
        .mapTo(Integer.class)
        .one();
  }

  /**
   * Stores a grant: its activation, its certificate and, when it took a count from a multiple
   * activation key's pool, the key's new standing. The last statement of its transaction. On
   * PostgreSQL one statement (data-modifying {@code WITH}) sent with the transaction's commit
   * ({@link Database#runLast}): one round trip to the server instead of four; SQLite runs the three
   * statements.
   */
  public void insertGrant(
      Handle h, ActivationRow a, long issuedAt, String signed, Optional<KeyRow> standing) {
    if (db.dialect() != Database.Dialect.POSTGRESQL) {
      insertActivation(h, a);
      certificates.insertCertificate(h, a.certificateId(), a.id(), issuedAt, signed);
      standing.ifPresent(k -> keys.updateStanding(h, k));
      return;
    }
    String sql =
        standing.isEmpty()
            ? "WITH activation AS (" + INSERT + ") " + CertificateStore.INSERT
            : "WITH activation AS ("
                + INSERT
                + "), certificate AS ("
                + CertificateStore.INSERT
                + ") "
                + KeyStore.SET_STANDING;
    db.runLast(
        h,
        sql,
        ps -> {
          bindInsert(ps, a);
          CertificateStore.bindInsert(ps, 9, a.certificateId(), a.id(), issuedAt, signed);
          if (standing.isPresent()) {
            KeyStore.bindStanding(ps, 13, standing.get());
          }
          return ps.executeUpdate();
        });
  }

  public void insertActivation(Handle h, ActivationRow a) {
    db.run(
        h,
        INSERT,
        ps -> {
          bindInsert(ps, a);
          return ps.executeUpdate();
        });
  }

  /** Binds {@link #INSERT}'s eight parameters, the first eight of the statement. */
  private static void bindInsert(PreparedStatement ps, ActivationRow a) throws SQLException {
    ps.setString(1, a.id());
    ps.setString(2, a.keyId());
    ps.setString(3, a.components());
    ps.setString(4, a.cmid());
    ps.setBoolean(5, a.active());
    ps.setBoolean(6, a.spent());
    ps.setLong(7, a.issuedAt());
    ps.setString(8, a.certificateId());
  }

  public void release(Handle h, String activationId, long at, String reason) {
    h.createUpdate(
            "UPDATE activations SET active = FALSE, released_at = :at, release_reason = :r"
                + " WHERE id = :id")
        .bind("at", at)
        .bind("r", AuditText.free(reason, tokens.adminTokenHashes(h)))
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

  public void setCurrentCertificate(Handle h, String activationId, String certificateId) {
    h.createUpdate("UPDATE activations SET certificate_id = :c WHERE id = :id")
        .bind("c", certificateId)
        .bind("id", activationId)
        .execute();
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
}
