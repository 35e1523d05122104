package dev.keyward.authority.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * What an activation's decision reads, under its key's lock: the key row (locked), the key's
 * activations as the decision reads them ({@link ActivationStore#priors}) and its downgrade links
 * ({@link DowngradeStore#around}).
 *
 * <p>On PostgreSQL the three statements travel in one round trip: one prepared statement holding
 * the three, which the driver sends together and the server runs one after the other. Under READ
 * COMMITTED each statement takes its snapshot when the server binds it, after the statement before
 * it has finished, lock wait included; so the activations and links read are those committed by
 * whoever held the key before, exactly as when they were three round trips. (One statement joining
 * the three would not do: its snapshot would be taken before it waited for the lock, and a machine
 * retrying on two connections could be granted twice.) Three round trips of five per activation
 * become one. SQLite runs the three one by one: no network, and its writer excludes every other.
 */
public final class DecisionRead {
  private final Database db;
  private final KeyStore keys;
  private final ActivationStore activations;
  private final DowngradeStore downgrades;

  DecisionRead(Database db, KeyStore keys, ActivationStore activations, DowngradeStore downgrades) {
    this.db = db;
    this.keys = keys;
    this.activations = activations;
    this.downgrades = downgrades;
  }

  /** A key locked for a decision, with its activations and downgrade links. */
  public record Read(KeyRow key, ActivationStore.Priors activations, DowngradeStore.Around links) {
    public List<ActivationStore.Prior> priors() {
      return activations.list();
    }
  }

  /** The key of {@code fingerprint} and what its decision reads; empty if no key has it. */
  public Optional<Read> read(
      Handle h, String fingerprint, ActivationStore.Rows rows, ActivationStore.MachineOf machines) {
    if (db.dialect() != Database.Dialect.POSTGRESQL) {
      Optional<KeyRow> key = keys.keyByFingerprint(h, fingerprint, true);
      return key.map(
          k ->
              new Read(
                  k, activations.priors(h, k.id(), rows, machines), downgrades.around(h, k.id())));
    }
    return db.run(h, pipelined(rows), ps -> readPipelined(h, ps, fingerprint, rows, machines));
  }

  private Optional<Read> readPipelined(
      Handle h,
      PreparedStatement ps,
      String fingerprint,
      ActivationStore.Rows rows,
      ActivationStore.MachineOf machines)
      throws SQLException {
    for (int i = 1; i <= 4; i++) {
      ps.setString(i, fingerprint);
    }
    ps.execute();
    KeyRow key;
    try (ResultSet rs = ps.getResultSet()) {
      if (!rs.next()) {
        return Optional.empty();
      }
      key = KeyStore.key(rs);
    }
    KeyPriors last = ActivationStore.lastRead(machines, key.id(), rows);
    List<ActivationStore.Prior> priors;
    ps.getMoreResults();
    try (ResultSet rs = ps.getResultSet()) {
      priors = ActivationStore.readPriors(rs, last, machines);
    }
    DowngradeStore.Around links;
    ps.getMoreResults();
    try (ResultSet rs = ps.getResultSet()) {
      links = DowngradeStore.around(rs, key.id());
    }
    return Optional.of(
        new Read(key, activations.completed(h, key.id(), rows, priors, last, machines), links));
  }

  private static final String KEY_ID = "(SELECT id FROM product_keys WHERE fingerprint = ?)";

  /** The three statements, each naming the key by its fingerprint (four parameters). */
  private static String pipelined(ActivationStore.Rows rows) {
    return KeyStore.BY_FINGERPRINT
        + " FOR UPDATE; "
        + ActivationStore.priorsSql(rows, KEY_ID)
        + "; "
        + DowngradeStore.aroundSql(KEY_ID);
  }
}
