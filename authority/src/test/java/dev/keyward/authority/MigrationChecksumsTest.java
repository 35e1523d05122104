package dev.keyward.authority;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.authority.store.Database;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every migration's checksum as released. Flyway refuses to open a store when an applied
 * migration's text changed, so a migration's file must never change once a release has shipped it:
 * this test fails when one does (change the schema with a new migration instead). The one past
 * exception, V9, is handled for stores made before by {@code store.EarlierMigrations}. A new
 * migration is added here with its checksum when it lands.
 */
class MigrationChecksumsTest {
  @TempDir Path dir;

  /** Version to checksum, in order; V2 differs per database. */
  private static Map<String, Integer> released(int v2) {
    Map<String, Integer> m = new LinkedHashMap<>();
    m.put("1", -1332273507);
    m.put("2", v2);
    m.put("3", -158824841);
    m.put("4", 1337922070);
    m.put("5", -703880314);
    m.put("6", -853679928);
    m.put("8", -1033077526);
    m.put("9", -1253174974); // its second released text (store.EarlierMigrations)
    m.put("10", -96886198);
    return m;
  }

  @Test
  void sqliteMigrationsAreAsReleased() {
    assertThat(checksums(Database.sqliteUrl(dir))).isEqualTo(released(-1175020999));
  }

  @Test
  void postgresqlMigrationsAreAsReleased() {
    assertThat(checksums(Postgres.newDatabase())).isEqualTo(released(692481299));
  }

  private static Map<String, Integer> checksums(String url) {
    try (Database db = Database.open(url)) {
      Map<String, Integer> found = new LinkedHashMap<>();
      db.jdbi()
          .useHandle(
              h ->
                  h.createQuery(
                          "SELECT version, checksum FROM flyway_schema_history"
                              + " WHERE version IS NOT NULL ORDER BY installed_rank")
                      .map((rs, ctx) -> found.put(rs.getString(1), rs.getInt(2)))
                      .list());
      return found;
    }
  }
}
