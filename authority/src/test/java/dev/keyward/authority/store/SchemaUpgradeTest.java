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
    migrateWithThisReleasesFilesTo(url, "9");
    assertThat(indexColumns(url)).contains("certificate_id");

    try (Database db = Database.open(url)) {
      assertThat(indexColumns(url)).containsExactly("key_id", "issued_at", "id", "active", "spent");
    }
  }

  private static void migrateWithThisReleasesFilesTo(String url, String version) {
    Flyway.configure()
        .dataSource(url, null, null)
        .locations(
            "classpath:dev/keyward/authority/db/migration",
            "classpath:dev/keyward/authority/db/sqlite")
        .target(version)
        .load()
        .migrate();
  }

  /**
   * V9 reached two releases with different text: first without {@code certificate_id} in the index
   * (the text the stop that merged it shipped, kept here under db/released), later with it. A store
   * migrated by the first release opens with this one, and V10 leaves it with the index a fresh
   * store gets.
   */
  @Test
  void aStoreMigratedByTheFirstReleaseOfV9Opens() {
    String url = Database.sqliteUrl(dir);
    migrateWithThisReleasesFilesTo(url, "8");
    Flyway.configure()
        .dataSource(url, null, null)
        .locations("classpath:dev/keyward/authority/db/released/v9-first")
        .ignoreMigrationPatterns("*:missing")
        .target("9")
        .load()
        .migrate();
    assertThat(checksumOfV9(url)).isEqualTo(EarlierMigrations.V9_FIRST_RELEASE);

    try (Database db = Database.open(url)) {
      assertThat(indexColumns(url)).containsExactly("key_id", "issued_at", "id", "active", "spent");
    }
    assertThat(checksumOfV9(url)).isEqualTo(EarlierMigrations.V9_CURRENT);
  }

  @Test
  void aFreshStoreRecordsTheCurrentV9() {
    String url = Database.sqliteUrl(dir);
    try (Database db = Database.open(url)) {
      assertThat(checksumOfV9(url)).isEqualTo(EarlierMigrations.V9_CURRENT);
    }
  }

  private static int checksumOfV9(String url) {
    return org.jdbi.v3.core.Jdbi.create(url)
        .withHandle(
            h ->
                h.createQuery("SELECT checksum FROM flyway_schema_history WHERE version = '9'")
                    .mapTo(Integer.class)
                    .one());
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
