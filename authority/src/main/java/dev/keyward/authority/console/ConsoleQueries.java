package dev.keyward.authority.console;

import dev.keyward.authority.store.AuditEntry;
import dev.keyward.authority.store.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.statement.Query;

/**
 * The console's read-only listings that the admin API has no endpoint for: key search, the
 * dashboard's counts and the audit log's filtered pages. The same SQL runs on SQLite and
 * PostgreSQL; every listing has a limit.
 */
public final class ConsoleQueries {
  static final long DAY_MS = 86_400_000L;
  static final int PAGE = 50;

  private final Database db;

  public ConsoleQueries(Database db) {
    this.db = db;
  }

  /** A key search; empty texts mean "any". */
  public record KeyFilter(
      String text,
      String product,
      String version,
      String edition,
      String channel,
      String blocked) {}

  /** One key of a listing. */
  public record KeyLine(
      String id,
      String partialKey,
      String product,
      String version,
      String edition,
      String channel,
      boolean blocked,
      int poolSize,
      int poolUsed,
      long createdAt) {}

  private static final String KEY_COLUMNS =
      "id, partial_key, product, version, edition, channel, blocked, pool_size, pool_used,"
          + " created_at";

  private static KeyLine keyLine(ResultSet rs) throws SQLException {
    return new KeyLine(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        Optional.ofNullable(rs.getString(5)).orElse(""),
        rs.getString(6),
        rs.getBoolean(7),
        rs.getInt(8),
        rs.getInt(9),
        rs.getLong(10));
  }

  /** Keys matching the filter (partial key or record id, either in part), newest first. */
  public List<KeyLine> keys(KeyFilter f, int limit) {
    StringBuilder sql = new StringBuilder("SELECT " + KEY_COLUMNS + " FROM product_keys WHERE 1=1");
    Map<String, Object> binds = new LinkedHashMap<>();
    String text = f.text().strip();
    if (!text.isEmpty()) {
      sql.append(" AND (UPPER(partial_key) LIKE :text OR LOWER(id) LIKE :id)");
      binds.put("text", "%" + like(text.toUpperCase(java.util.Locale.ROOT)) + "%");
      binds.put("id", "%" + like(text.toLowerCase(java.util.Locale.ROOT)) + "%");
    }
    equal(sql, binds, "product", f.product());
    equal(sql, binds, "version", f.version());
    equal(sql, binds, "edition", f.edition());
    equal(sql, binds, "channel", f.channel());
    if (f.blocked().equals("yes") || f.blocked().equals("no")) {
      sql.append(" AND blocked = :blocked");
      binds.put("blocked", f.blocked().equals("yes"));
    }
    sql.append(" ORDER BY created_at DESC, id LIMIT ").append(limit);
    return db.read(
        h -> {
          Query q = h.createQuery(sql.toString());
          binds.forEach(q::bind);
          return q.map((rs, ctx) -> keyLine(rs)).list();
        });
  }

  private static void equal(
      StringBuilder sql, Map<String, Object> binds, String column, String value) {
    if (!value.isBlank()) {
      sql.append(" AND ").append(column).append(" = :").append(column);
      binds.put(column, value.strip());
    }
  }

  /** LIKE's wildcards typed by the user are taken literally (they cannot be in a key anyway). */
  private static String like(String text) {
    return text.replaceAll("[%_\\\\]", "");
  }

  /** Multiple activation keys whose pool is at least {@code percent}% used. */
  public List<KeyLine> poolsNearLimit(int percent, int limit) {
    return db.read(
        h ->
            h.createQuery(
                    "SELECT "
                        + KEY_COLUMNS
                        + " FROM product_keys WHERE channel = 'VOLUME_MAK' AND pool_size > 0"
                        + " AND pool_used * 100 >= pool_size * :percent"
                        + " ORDER BY pool_used * 1.0 / pool_size DESC, id LIMIT "
                        + limit)
                .bind("percent", percent)
                .map((rs, ctx) -> keyLine(rs))
                .list());
  }

  /** Activations granted per day (days since the epoch) and channel, from {@code fromDay} on. */
  public List<long[]> activationsPerDay(long fromDay, List<String> channels) {
    List<long[]> out = new ArrayList<>();
    db.read(
            h ->
                h.createQuery(
                        "SELECT a.issued_at / "
                            + DAY_MS
                            + " AS day, k.channel, COUNT(*) FROM activations a"
                            + " JOIN product_keys k ON k.id = a.key_id WHERE a.issued_at >= :from"
                            + " GROUP BY a.issued_at / "
                            + DAY_MS
                            + ", k.channel")
                    .bind("from", fromDay * DAY_MS)
                    .map((rs, ctx) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getLong(3)})
                    .list())
        .forEach(
            row -> {
              int c = channels.indexOf((String) row[1]);
              if (c >= 0) {
                out.add(new long[] {(Long) row[0], c, (Long) row[2]});
              }
            });
    return out;
  }

  /** The newest audit entries of these actions. */
  public List<AuditEntry> recent(List<String> actions, int limit) {
    return audit(new AuditFilter("", String.join(",", actions), "", Long.MAX_VALUE), limit);
  }

  /**
   * An audit page filter: actor (in part), actions (comma-separated, exact), subject text (in
   * part), and the page: entries before {@code before}.
   */
  public record AuditFilter(String actor, String actions, String subject, long before) {}

  /** Entries matching the filter, newest first. */
  public List<AuditEntry> audit(AuditFilter f, int limit) {
    StringBuilder sql =
        new StringBuilder(
            "SELECT seq, at, actor, action, subject, detail, prev_hash, hash FROM audit_log"
                + " WHERE seq < :before");
    Map<String, Object> binds = new LinkedHashMap<>();
    binds.put("before", f.before());
    if (!f.actor().isBlank()) {
      sql.append(" AND LOWER(actor) LIKE :actor");
      binds.put("actor", "%" + like(f.actor().strip().toLowerCase(java.util.Locale.ROOT)) + "%");
    }
    List<String> actions =
        java.util.Arrays.stream(f.actions().split(","))
            .map(String::strip)
            .filter(a -> !a.isEmpty())
            .toList();
    if (!actions.isEmpty()) {
      sql.append(" AND action IN (");
      for (int i = 0; i < actions.size(); i++) {
        sql.append(i == 0 ? "" : ", ").append(":a").append(i);
        binds.put("a" + i, actions.get(i));
      }
      sql.append(")");
    }
    if (!f.subject().isBlank()) {
      sql.append(" AND (LOWER(subject) LIKE :subject OR LOWER(detail) LIKE :subject)");
      binds.put(
          "subject", "%" + like(f.subject().strip().toLowerCase(java.util.Locale.ROOT)) + "%");
    }
    sql.append(" ORDER BY seq DESC LIMIT ").append(limit);
    return db.read(
        h -> {
          Query q = h.createQuery(sql.toString());
          binds.forEach(q::bind);
          return q.map(
                  (rs, ctx) ->
                      new AuditEntry(
                          rs.getLong(1),
                          rs.getLong(2),
                          rs.getString(3),
                          rs.getString(4),
                          rs.getString(5),
                          rs.getString(6),
                          rs.getString(7),
                          rs.getString(8)))
              .list();
        });
  }

  /** The distinct actions of the log, for the audit page's filter. */
  public List<String> actions() {
    return db.read(
        h ->
            h.createQuery("SELECT DISTINCT action FROM audit_log ORDER BY action LIMIT 200")
                .mapTo(String.class)
                .list());
  }
}
