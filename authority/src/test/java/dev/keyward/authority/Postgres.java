package dev.keyward.authority;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One embedded PostgreSQL (real binaries, no Docker) for the whole test run; each test class gets a
 * database of its own.
 */
final class Postgres {
  private static EmbeddedPostgres pg;
  private static final AtomicInteger DATABASES = new AtomicInteger();

  private Postgres() {}

  static synchronized String newDatabase() {
    try {
      if (pg == null) {
        pg = EmbeddedPostgres.builder().setServerConfig("max_connections", "300").start();
        Runtime.getRuntime()
            .addShutdownHook(
                new Thread(
                    () -> {
                      try {
                        pg.close();
                      } catch (IOException e) {
                        // the run is ending anyway
                      }
                    }));
      }
      String name = "keyward_" + DATABASES.incrementAndGet();
      try (Connection c = pg.getPostgresDatabase().getConnection();
          Statement s = c.createStatement()) {
        s.execute("CREATE DATABASE " + name);
      }
      return pg.getJdbcUrl("postgres", name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
