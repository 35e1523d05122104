package dev.keyward.authority.store;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The links between downgrade keys and their original keys (table {@code key_downgrades}). */
public final class DowngradeStore {
  private final Database db;

  public DowngradeStore(Database db) {
    this.db = db;
  }

  /** A downgrade key ({@code keyId}) of {@code version}, issued under {@code originalId}. */
  public record Link(String keyId, String originalId, String version, long createdAt) {}

  private static final String COLUMNS = "key_id, original_id, version, created_at";

  public void insert(Handle h, Link link) {
    h.createUpdate(
            "INSERT INTO key_downgrades ("
                + COLUMNS
                + ") VALUES (:key, :original, :version, :created)")
        .bind("key", link.keyId())
        .bind("original", link.originalId())
        .bind("version", link.version())
        .bind("created", link.createdAt())
        .execute();
  }

  /**
   * A key's links, read in one statement: its own (when it is a downgrade key) and those of the
   * downgrade keys issued under it (when it is an original), oldest first.
   */
  public record Around(Optional<Link> own, List<Link> under) {}

  /** Every decision on a key asks both; one statement (one round trip) answers both. */
  public Around around(Handle h, String keyId) {
    return db.run(
        h,
        aroundSql("?"),
        ps -> {
          ps.setString(1, keyId);
          ps.setString(2, keyId);
          try (ResultSet rs = ps.executeQuery()) {
            return around(rs, keyId);
          }
        });
  }

  /** {@link #around}'s statement, the key's id given by {@code keyId} (twice). */
  static String aroundSql(String keyId) {
    return "SELECT "
        + COLUMNS
        + " FROM key_downgrades WHERE key_id = "
        + keyId
        + " OR original_id = "
        + keyId
        + " ORDER BY created_at, key_id";
  }

  static Around around(ResultSet rs, String keyId) throws java.sql.SQLException {
    Optional<Link> own = Optional.empty();
    List<Link> under = new ArrayList<>();
    while (rs.next()) {
      Link link = link(rs);
      if (link.keyId().equals(keyId)) {
        own = Optional.of(link);
      } else {
        under.add(link);
      }
    }
    return new Around(own, under);
  }

  /** The link of a downgrade key, empty for a key that is not one. */
  public Optional<Link> ofKey(Handle h, String keyId) {
    return db.run(
        h,
        "SELECT " + COLUMNS + " FROM key_downgrades WHERE key_id = ?",
        ps -> {
          ps.setString(1, keyId);
          try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(link(rs)) : Optional.empty();
          }
        });
  }

  /** The downgrade keys issued under an original key, oldest first. */
  public List<Link> ofOriginal(Handle h, String originalId) {
    return db.run(
        h,
        "SELECT "
            + COLUMNS
            + " FROM key_downgrades WHERE original_id = ? ORDER BY created_at, key_id",
        ps -> {
          ps.setString(1, originalId);
          List<Link> list = new ArrayList<>();
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              list.add(link(rs));
            }
          }
          return list;
        });
  }

  public Optional<Link> find(Handle h, String originalId, String version) {
    return h.createQuery(
            "SELECT " + COLUMNS + " FROM key_downgrades WHERE original_id = :o AND version = :v")
        .bind("o", originalId)
        .bind("v", version)
        .map((rs, ctx) -> link(rs))
        .findOne();
  }

  private static Link link(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Link(
        rs.getString("key_id"),
        rs.getString("original_id"),
        rs.getString("version"),
        rs.getLong("created_at"));
  }
}
