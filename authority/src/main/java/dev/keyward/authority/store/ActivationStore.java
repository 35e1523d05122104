package dev.keyward.authority.store;

import dev.keyward.core.channel.MachineHardware;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
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
  }

  /** The machine of a stored activation: known by its id, else read from its components. */
  public interface MachineOf {
    /** The machine already read for this activation id, or null. */
    MachineHardware known(String activationId);

    MachineHardware read(String activationId, String components);

    /** What the key's previous decision read with these rows, or null. */
    default KeyPriors lastRead(String keyId, Rows rows) {
      return null;
    }

    /** Remembers what a decision read, for the key's next one. */
    default void remember(String keyId, Rows rows, KeyPriors read) {}
  }

  /**
   * A key's activations' ids and machines in the order a decision read them. The next decision of
   * the key reads the same rows in the same order (by issue time, new ones last), so each row's
   * machine is found by comparing its id with the one at the same position, instead of a lookup in
   * a cache of every activation (a multiple activation key has up to a pool's size of them, read at
   * each of its decisions inside the transaction). An id decides: components never change.
   */
  public static final class KeyPriors {
    // Filled up to size; size is written after the entries and read before them, so a decision on
    // another thread (the key's next, after this one's transaction) sees whole entries. Only a
    // decision holding its key's lock changes a memo (DecisionRead, inside Database.write: SQLite's
    // one writer thread, PostgreSQL's key row FOR UPDATE), so two appends never race.
    private String[] ids;
    private MachineHardware[] machines;
    private volatile int size;

    private KeyPriors(int capacity) {
      ids = new String[capacity];
      machines = new MachineHardware[capacity];
    }

    static KeyPriors of(List<Prior> read) {
      KeyPriors priors = new KeyPriors(Math.max(4, read.size()));
      priors.append(read, 0);
      return priors;
    }

    /**
     * Makes this memo hold {@code read} if it is this memo's activations followed by none or more
     * (a key's next decision after a grant: one more, last); false if it is something else (an
     * activation gone, or another order), for which the caller remembers a new memo.
     *
     * <p>Why in place: a multiple activation key's memo was rebuilt at each of its decisions, two
     * arrays of up to a pool's size, and each rebuilt memo outlived the next young collection: most
     * of the ~7 MB the collector copied at each young pause under load (2.7–3.2 MB since).
     * Appending copies the arrays only when they double.
     */
    boolean absorb(List<Prior> read) {
      int n = size;
      if (read.size() < n) {
        return false;
      }
      for (int i = 0; i < n; i++) {
        if (!ids[i].equals(read.get(i).id())) {
          return false;
        }
      }
      if (read.size() > n) {
        append(read, n);
      }
      return true;
    }

    private void append(List<Prior> read, int from) {
      if (read.size() > ids.length) {
        int capacity = Math.max(read.size(), 2 * ids.length);
        ids = Arrays.copyOf(ids, capacity);
        machines = Arrays.copyOf(machines, capacity);
      }
      for (int i = from; i < read.size(); i++) {
        ids[i] = read.get(i).id();
        machines[i] = read.get(i).machine();
      }
      size = read.size();
    }

    /** How many activations this memo holds. */
    int size() {
      return size;
    }

    /**
     * Appends the activation a decision of this key is granting, so that the key's next decision
     * finds its machine here rather than in the table of every activation's machine (before this,
     * the one lookup a decision still made: the newest activation, its key's previous grant). Call
     * it while holding the key's lock, before the statement that commits (the lock goes with it).
     * If the grant is then rolled back, the next decision reads one row fewer than this memo holds,
     * or another id at its position: {@link #absorb} refuses and a new memo is made; an id never
     * names another activation, so no machine is ever taken for another's.
     */
    void granted(String id, MachineHardware machine) {
      int n = size;
      if (n == ids.length) {
        ids = Arrays.copyOf(ids, 2 * n);
        machines = Arrays.copyOf(machines, 2 * n);
      }
      ids[n] = id;
      machines[n] = machine;
      size = n + 1;
    }

    /** The machine at {@code position} if it is the activation {@code id}'s, else null. */
    MachineHardware at(int position, String id) {
      if (position >= size) {
        return null;
      }
      return ids[position].equals(id) ? machines[position] : null;
    }
  }

  /**
   * A key's activations for a decision. The first statement reads only columns of the index {@code
   * activations_by_key_in_order} (V9, narrowed by V10), in its order, so neither SQLite nor
   * PostgreSQL visits the table's rows; the components column (about 400 bytes a row, up to a
   * pool's size of rows for a multiple activation key) is read, by id, only for activations whose
   * machine {@code machines} does not know yet: once per activation in the process's life.
   */
  public Priors priors(Handle h, String keyId, Rows rows, MachineOf machines) {
    KeyPriors last = machines.lastRead(keyId, rows);
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
    /** Tells the memo that the decision grants a new activation of this machine. */
    public void granted(String activationId, MachineHardware machine) {
      memo.granted(activationId, machine);
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
    if (last != null && last.absorb(list)) {
      return new Priors(list, last);
    }
    KeyPriors memo = KeyPriors.of(list);
    machines.remember(keyId, rows, memo);
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
