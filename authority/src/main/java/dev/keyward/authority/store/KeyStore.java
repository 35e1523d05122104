package dev.keyward.authority.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The SQL of product keys and their serial numbers (tables {@code product_keys}, {@code
 * serial_counters}), each statement run on the caller's handle so that a decision and what it
 * changes share one transaction.
 */
public final class KeyStore {
  private static final String COLUMNS =
      "id, fingerprint, partial_key, encrypted_key, group_number, serial, product, version,"
          + " edition, channel, blocked, pool_size, pool_used, extension_total, created_at";

  /** A key's standing, bound by {@link #bindStanding}. */
  static final String SET_STANDING =
      "UPDATE product_keys SET blocked = ?, pool_size = ?, pool_used = ?, extension_total = ?"
          + " WHERE id = ?";

  private final Database db;

  KeyStore(Database db) {
    this.db = db;
  }

  /** A key by its fingerprint, the one parameter. */
  static final String BY_FINGERPRINT =
      "SELECT " + COLUMNS + " FROM product_keys WHERE fingerprint = ?";

  public Optional<KeyRow> keyByFingerprint(Handle h, String fingerprint, boolean lock) {
    String sql = BY_FINGERPRINT + forUpdate(lock);
    return db.run(
        h,
        sql,
        ps -> {
          ps.setString(1, fingerprint);
          try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(key(rs)) : Optional.empty();
          }
        });
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
            "SELECT " + COLUMNS + " FROM product_keys WHERE id = :id" + forUpdate(lock))
        .bind("id", id)
        .map((rs, ctx) -> key(rs))
        .findOne();
  }

  private String forUpdate(boolean lock) {
    return lock ? db.forUpdate() : "";
  }

  public void insertKey(Handle h, KeyRow k) {
    h.createUpdate(
            "INSERT INTO product_keys ("
                + COLUMNS
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
    db.run(
        h,
        SET_STANDING,
        ps -> {
          bindStanding(ps, 1, k);
          return ps.executeUpdate();
        });
  }

  /** Binds {@link #SET_STANDING}'s five parameters from {@code first} on. */
  static void bindStanding(PreparedStatement ps, int first, KeyRow k) throws SQLException {
    ps.setBoolean(first, k.blocked());
    ps.setInt(first + 1, k.poolSize());
    ps.setInt(first + 2, k.poolUsed());
    ps.setInt(first + 3, k.extensionTotal());
    ps.setString(first + 4, k.id());
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

  static KeyRow key(ResultSet rs) throws SQLException {
    // By position, in COLUMNS' order (every query read here selects COLUMNS first): by name, the
    // driver looked each of the fifteen up in a map it built for every result, on SQLite's writer
    // at every decision.
    return new KeyRow(
        rs.getString(1), // id
        rs.getString(2), // fingerprint
        rs.getString(3), // partial_key
        rs.getString(4), // encrypted_key
        rs.getInt(5), // group_number
        rs.getLong(6), // serial
        rs.getString(7), // product
        rs.getString(8), // version
        Optional.ofNullable(rs.getString(9)), // edition
        rs.getString(10), // channel
        rs.getBoolean(11), // blocked
        rs.getInt(12), // pool_size
        rs.getInt(13), // pool_used
        rs.getInt(14), // extension_total
        rs.getLong(15)); // created_at
  }
}
