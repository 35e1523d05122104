package dev.keyward.authority.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A key row read back field by field, every column with a value no other column has: the row is
 * read by position ({@link KeyStore#key}), so a column out of place would land in another field.
 */
class KeyStoreReadTest {
  @TempDir Path dir;

  @Test
  void everyColumnLandsInItsOwnField() {
    try (Database db = Database.open(Database.sqliteUrl(dir))) {
      db.write(
          h ->
              h.execute(
                  "INSERT INTO product_keys (id, fingerprint, partial_key, encrypted_key,"
                      + " group_number, serial, product, version, edition, channel, blocked,"
                      + " pool_size, pool_used, extension_total, created_at) VALUES ('key-id', ?,"
                      + " 'PART1', 'sealed', 7, 8, 'product', 'version', 'edition', 'VOLUME_MAK',"
                      + " TRUE, 11, 12, 13, 14)",
                  "f".repeat(64)));
      KeyStore keys = new Store(db).keys();
      for (boolean lock : new boolean[] {false, true}) {
        KeyRow row = db.write(h -> keys.keyByFingerprint(h, "f".repeat(64), lock)).orElseThrow();
        assertThat(row)
            .isEqualTo(
                new KeyRow(
                    "key-id",
                    "f".repeat(64),
                    "PART1",
                    "sealed",
                    7,
                    8,
                    "product",
                    "version",
                    Optional.of("edition"),
                    "VOLUME_MAK",
                    true,
                    11,
                    12,
                    13,
                    14));
        Optional<KeyRow> byId = db.write(h -> keys.keyById(h, "key-id", lock));
        assertThat(byId).contains(row);
      }
    }
  }
}
