package dev.keyward.authority.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Migrations whose text changed after a release applied them, and what a store migrated by that
 * release is told instead. Flyway refuses to start when an applied migration's checksum differs
 * from its file's, so a store made by such a release could not open without this.
 *
 * <p>One case, V9 ({@code activations_by_key_in_order}): the release that first shipped it built
 * the index without {@code certificate_id}; its text was later changed back to the version with
 * that column, and that text shipped too. Both are in the field. The file keeps the later text
 * (stores made since have its checksum); a store with the first text's checksum gets the current
 * one recorded instead. Its index then differs only by lacking the column that V10 drops anyway,
 * and V10 rebuilds it as every store has it. Applied migrations must not change again: add one.
 */
final class EarlierMigrations {
  /** Flyway's checksum of V9 as the first release shipped it (test resources, db/released). */
  static final int V9_FIRST_RELEASE = -395324460;

  /** Flyway's checksum of V9 as the file now has it. */
  static final int V9_CURRENT = -1253174974;

  private static final String HISTORY = "flyway_schema_history";

  private EarlierMigrations() {}

  /** Records V9's current checksum where the first release's is recorded; nothing otherwise. */
  static void accept(DataSource source) throws SQLException {
    try (Connection c = source.getConnection()) {
      if (!historyExists(c)) {
        return; // a new store
      }
      try (PreparedStatement update =
          c.prepareStatement(
              "UPDATE " + HISTORY + " SET checksum = ? WHERE version = '9' AND checksum = ?")) {
        update.setInt(1, V9_CURRENT);
        update.setInt(2, V9_FIRST_RELEASE);
        update.executeUpdate();
      }
      if (!c.getAutoCommit()) {
        c.commit();
      }
    }
  }

  private static boolean historyExists(Connection c) throws SQLException {
    try (ResultSet tables = c.getMetaData().getTables(null, null, HISTORY, null)) {
      return tables.next();
    }
  }
}
