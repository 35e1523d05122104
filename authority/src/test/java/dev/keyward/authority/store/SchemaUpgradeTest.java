package dev.keyward.authority.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store made by an earlier release opens with this one: its applied migrations are left as they
 * were (Flyway refuses to start if one of them changed) and the new ones apply on top.
 */
class SchemaUpgradeTest {
  @TempDir Path dir;

  @Test
  void aStoreMigratedUpToV9GetsV10sNarrowerDecisionIndex() {
    String url = Database.sqliteUrl(dir);
    Flyway.configure()
        .dataSource(url, null, null)
        .locations(
            "classpath:dev/keyward/authority/db/migration",
            "classpath:dev/keyward/authority/db/sqlite")
        .target("9")
        .load()
        .migrate();
    assertThat(indexColumns(url)).contains("certificate_id");

    try (Database db = Database.open(url)) {
      List<String> columns =
          db.read(
              h ->
                  h.createQuery("SELECT name FROM pragma_index_info('activations_by_key_in_order')")
                      .mapTo(String.class)
                      .list());
      assertThat(columns).containsExactly("key_id", "issued_at", "id", "active", "spent");
    }
  }

  private static List<String> indexColumns(String url) {
    return org.jdbi.v3.core.Jdbi.create(url)
        .withHandle(
            h ->
                h.createQuery("SELECT name FROM pragma_index_info('activations_by_key_in_order')")
                    .mapTo(String.class)
                    .list());
  }
}
