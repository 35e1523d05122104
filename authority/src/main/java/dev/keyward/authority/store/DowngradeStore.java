package dev.keyward.authority.store;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The links between downgrade keys and their original keys (table {@code key_downgrades}). */
public final class DowngradeStore {

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

  /** The link of a downgrade key, empty for a key that is not one. */
  public Optional<Link> ofKey(Handle h, String keyId) {
    return h.createQuery("SELECT " + COLUMNS + " FROM key_downgrades WHERE key_id = :k")
        .bind("k", keyId)
        .map((rs, ctx) -> link(rs))
        .findOne();
  }

  /** The downgrade keys issued under an original key, oldest first. */
  public List<Link> ofOriginal(Handle h, String originalId) {
    return h.createQuery(
            "SELECT "
                + COLUMNS
                + " FROM key_downgrades WHERE original_id = :o ORDER BY created_at, key_id")
        .bind("o", originalId)
        .map((rs, ctx) -> link(rs))
        .list();
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
