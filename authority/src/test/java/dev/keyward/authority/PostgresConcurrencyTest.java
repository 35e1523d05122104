package dev.keyward.authority;

import java.nio.file.Path;

/** The concurrency guarantees on PostgreSQL (SELECT … FOR UPDATE on the key row). */
class PostgresConcurrencyTest extends ConcurrencyTest {
  @Override
  Harness open(Path dir) {
    String url = Postgres.newDatabase();
    return Harness.start(dir, b -> b.jdbcUrl(url));
  }
}
