package dev.keyward.authority.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.keyward.authority.StartupException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * The authority's database: SQLite (a file in the data directory) or PostgreSQL, with the same
 * Flyway migrations and the same behaviour. Every decision that spends a count runs in one {@link
 * #write} transaction: on SQLite a {@code BEGIN IMMEDIATE} transaction (one writer at a time; this
 * process queues its writers itself so they never wait on SQLite's busy timeout), on PostgreSQL a
 * transaction that locks the key row with {@code SELECT … FOR UPDATE} ({@link #forUpdate()}).
 */
public final class Database implements AutoCloseable {
  public enum Dialect {
    SQLITE,
    POSTGRESQL
  }

  private final HikariDataSource pool;
  private final Jdbi jdbi;
  private final Dialect dialect;
  private final String url;
  // SQLite has one writer; queueing here is fair and keeps busy_timeout for other processes.
  private final ReentrantLock sqliteWriter = new ReentrantLock(true);

  private Database(HikariDataSource pool, Dialect dialect, String url) {
    this.pool = pool;
    this.dialect = dialect;
    this.url = url;
    this.jdbi = Jdbi.create(pool);
  }

  /** The default database: SQLite file {@code keyward.db} in the data directory. */
  public static String sqliteUrl(Path dataDir) {
    return "jdbc:sqlite:" + dataDir.resolve("keyward.db").toAbsolutePath();
  }

  /**
   * Connects, migrates and returns the database.
   *
   * @throws StartupException when the database cannot be reached or migrated, in words
   */
  public static Database open(String url) {
    Dialect dialect;
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setPoolName("keyward");
    config.setConnectionTimeout(10_000);
    config.setInitializationFailTimeout(10_000);
    if (url.startsWith("jdbc:sqlite:")) {
      dialect = Dialect.SQLITE;
      config.setDriverClassName("org.sqlite.JDBC");
      config.addDataSourceProperty("journal_mode", "WAL");
      // FULL: a commit is on disk before the client gets its certificate, even on power loss.
      config.addDataSourceProperty("synchronous", "FULL");
      config.addDataSourceProperty("busy_timeout", "15000");
      config.addDataSourceProperty("transaction_mode", "IMMEDIATE");
      config.addDataSourceProperty("foreign_keys", "true");
      config.setMaximumPoolSize(8);
    } else if (url.startsWith("jdbc:postgresql:")) {
      dialect = Dialect.POSTGRESQL;
      config.setDriverClassName("org.postgresql.Driver");
      config.setMaximumPoolSize(16);
      config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
    } else {
      throw new StartupException(
          "unsupported database URL '"
              + redact(url)
              + "' (use jdbc:postgresql://HOST/DB or jdbc:sqlite:FILE)");
    }
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new StartupException(
          "cannot reach the database " + redact(url) + ": " + rootMessage(e), e);
    }
    try {
      Flyway.configure()
          .dataSource(pool)
          // Shared SQL first; the few statements whose syntax differs live per database.
          .locations(
              "classpath:dev/keyward/authority/db/migration",
              "classpath:dev/keyward/authority/db/"
                  + (dialect == Dialect.SQLITE ? "sqlite" : "postgresql"))
          .loggers("slf4j")
          .load()
          .migrate();
    } catch (FlywayException e) {
      pool.close();
      throw new StartupException(
          "cannot migrate the database " + redact(url) + ": " + rootMessage(e), e);
    }
    return new Database(pool, dialect, url);
  }

  public Dialect dialect() {
    return dialect;
  }

  /** {@code " FOR UPDATE"} on PostgreSQL; nothing on SQLite, whose transaction already excludes. */
  public String forUpdate() {
    return dialect == Dialect.POSTGRESQL ? " FOR UPDATE" : "";
  }

  /** One read-write transaction; an exception rolls it back and is rethrown. */
  public <T, X extends Exception> T write(HandleCallback<T, X> work) throws X {
    if (dialect == Dialect.SQLITE) {
      sqliteWriter.lock();
      try {
        return jdbi.inTransaction(work);
      } finally {
        sqliteWriter.unlock();
      }
    }
    return jdbi.inTransaction(TransactionIsolationLevel.READ_COMMITTED, work);
  }

  /** Reads outside a transaction (autocommit): what a list or a health check needs. */
  public <T, X extends Exception> T read(HandleCallback<T, X> work) throws X {
    return jdbi.withHandle(work);
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  /** Whether the database answers, for {@code /healthz}. */
  public boolean reachable() {
    try {
      return read((Handle h) -> h.createQuery("SELECT 1").mapTo(Integer.class).one() == 1);
    } catch (RuntimeException e) {
      return false;
    }
  }

  public String url() {
    return redact(url);
  }

  @Override
  public void close() {
    pool.close();
  }

  /** The URL without a password, for messages. */
  public static String redact(String url) {
    return url.replaceAll("(?i)(password=)[^&;]*", "$1***")
        .replaceAll("//[^/@]*:[^/@]*@", "//***@");
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    String message = e.getMessage();
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
      if (t.getMessage() != null && (t instanceof SQLException || message == null)) {
        message = t.getMessage();
      }
    }
    return message == null ? e.getClass().getSimpleName() : message;
  }
}
